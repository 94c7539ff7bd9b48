package deploy

import (
	"bufio"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

type kustomization struct {
	Resources []string `yaml:"resources"`
	Labels    []struct {
		Pairs map[string]string `yaml:"pairs"`
	} `yaml:"labels"`
	ConfigMapGenerator []configMapGenerator `yaml:"configMapGenerator"`
	Images             []imageRewrite       `yaml:"images"`
}

type configMapGenerator struct {
	Name  string   `yaml:"name"`
	Envs  []string `yaml:"envs"`
	Files []string `yaml:"files"`
}

type imageRewrite struct {
	Name    string `yaml:"name"`
	NewName string `yaml:"newName"`
	NewTag  string `yaml:"newTag"`
}

// imageName is the image every container names; overlays rewrite it to
// their registry and tag (deploy/README.md).
const imageName = "pressroom"

type volumeMount struct {
	Name      string `yaml:"name"`
	MountPath string `yaml:"mountPath"`
}

type objectMeta struct {
	Name   string            `yaml:"name"`
	Labels map[string]string `yaml:"labels"`
}

type k8sObject struct {
	APIVersion string     `yaml:"apiVersion"`
	Kind       string     `yaml:"kind"`
	Metadata   objectMeta `yaml:"metadata"`
	node       *yaml.Node
}

type labelSelector struct {
	MatchLabels map[string]string `yaml:"matchLabels"`
}

type podTemplate struct {
	Metadata objectMeta `yaml:"metadata"`
	Spec     podSpec    `yaml:"spec"`
}

type podSpec struct {
	TerminationGracePeriodSeconds *int   `yaml:"terminationGracePeriodSeconds"`
	AutomountServiceAccountToken  *bool  `yaml:"automountServiceAccountToken"`
	RestartPolicy                 string `yaml:"restartPolicy"`
	SecurityContext               struct {
		RunAsNonRoot *bool `yaml:"runAsNonRoot"`
		RunAsUser    *int  `yaml:"runAsUser"`
	} `yaml:"securityContext"`
	Containers []container `yaml:"containers"`
	Volumes    []struct {
		Name   string `yaml:"name"`
		Secret *struct {
			SecretName string `yaml:"secretName"`
			Items      []struct {
				Key string `yaml:"key"`
			} `yaml:"items"`
		} `yaml:"secret"`
	} `yaml:"volumes"`
}

type container struct {
	Name  string   `yaml:"name"`
	Image string   `yaml:"image"`
	Args  []string `yaml:"args"`
	Ports []struct {
		Name          string `yaml:"name"`
		ContainerPort int    `yaml:"containerPort"`
	} `yaml:"ports"`
	Env []struct {
		Name      string `yaml:"name"`
		Value     string `yaml:"value"`
		ValueFrom *struct {
			SecretKeyRef *struct {
				Name string `yaml:"name"`
				Key  string `yaml:"key"`
			} `yaml:"secretKeyRef"`
		} `yaml:"valueFrom"`
	} `yaml:"env"`
	EnvFrom []struct {
		ConfigMapRef *struct {
			Name string `yaml:"name"`
		} `yaml:"configMapRef"`
	} `yaml:"envFrom"`
	Resources struct {
		Requests map[string]string `yaml:"requests"`
		Limits   map[string]string `yaml:"limits"`
	} `yaml:"resources"`
	SecurityContext struct {
		AllowPrivilegeEscalation *bool `yaml:"allowPrivilegeEscalation"`
		ReadOnlyRootFilesystem   *bool `yaml:"readOnlyRootFilesystem"`
	} `yaml:"securityContext"`
	StartupProbe   *probe `yaml:"startupProbe"`
	LivenessProbe  *probe `yaml:"livenessProbe"`
	ReadinessProbe *probe `yaml:"readinessProbe"`
	Lifecycle      struct {
		PreStop *struct {
			Sleep *struct {
				Seconds int `yaml:"seconds"`
			} `yaml:"sleep"`
		} `yaml:"preStop"`
	} `yaml:"lifecycle"`
	VolumeMounts []volumeMount `yaml:"volumeMounts"`
}

type probe struct {
	HTTPGet *struct {
		Path string `yaml:"path"`
		Port any    `yaml:"port"`
	} `yaml:"httpGet"`
}

// manifests is a kustomization as files: its objects by kind, and the
// settings the ConfigMap generator turns into environment variables.
type manifests struct {
	k       kustomization
	objects map[string][]k8sObject
	env     map[string]string
}

// baseDir is the kustomize base; firstKeyDir the one-off Job that creates
// the first API key, kept out of the base.
const (
	baseDir     = "k8s"
	firstKeyDir = "k8s/first-key"
)

func readManifests(t *testing.T) manifests {
	t.Helper()
	return readKustomization(t, baseDir)
}

// readKustomization reads the kustomization in dir, whose resources must
// be files of that directory.
func readKustomization(t *testing.T, dir string) manifests {
	t.Helper()
	m := manifests{objects: map[string][]k8sObject{}, env: map[string]string{}}
	readYAML(t, filepath.Join(dir, "kustomization.yaml"), &m.k)
	for _, r := range m.k.Resources {
		for _, o := range readObjects(t, filepath.Join(dir, r)) {
			// kustomize adds its labels to every object's metadata.
			for _, l := range m.k.Labels {
				if o.Metadata.Labels == nil {
					o.Metadata.Labels = map[string]string{}
				}
				maps.Copy(o.Metadata.Labels, l.Pairs)
			}
			m.objects[o.Kind] = append(m.objects[o.Kind], o)
		}
	}
	for _, g := range m.k.ConfigMapGenerator {
		for _, f := range g.Files {
			mustExist(t, "configMapGenerator "+g.Name, filepath.Join(dir, f))
		}
		for _, f := range g.Envs {
			maps.Copy(m.env, readEnvFile(t, filepath.Join(dir, f)))
		}
	}
	return m
}

func readObjects(t *testing.T, path string) []k8sObject {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("kustomization resource: %v", err)
	}
	defer f.Close()
	var objs []k8sObject
	dec := yaml.NewDecoder(f)
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var o k8sObject
		if err := n.Decode(&o); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if o.APIVersion == "" || o.Kind == "" || o.Metadata.Name == "" {
			t.Fatalf("%s: object without apiVersion, kind or name", path)
		}
		o.node = &n
		objs = append(objs, o)
	}
	return objs
}

// one returns the only object of kind, decoding its spec into spec.
func (m manifests) one(t *testing.T, kind string, spec any) k8sObject {
	t.Helper()
	objs := m.objects[kind]
	if len(objs) != 1 {
		t.Fatalf("%d objects of kind %s, want 1", len(objs), kind)
	}
	var wrapper struct {
		Spec yaml.Node `yaml:"spec"`
	}
	if err := objs[0].node.Decode(&wrapper); err != nil {
		t.Fatal(err)
	}
	if err := wrapper.Spec.Decode(spec); err != nil {
		t.Fatalf("%s %s: %v", kind, objs[0].Metadata.Name, err)
	}
	return objs[0]
}

func readEnvFile(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	env := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("%s: %q is not KEY=VALUE", path, line)
		}
		env[k] = v
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return env
}

type deploymentSpec struct {
	Replicas *int          `yaml:"replicas"`
	Selector labelSelector `yaml:"selector"`
	Template podTemplate   `yaml:"template"`
}

func TestK8s_Kinds(t *testing.T) {
	m := readManifests(t)
	for _, kind := range []string{"Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget",
		"ServiceMonitor", "PrometheusRule", "Job"} {
		if len(m.objects[kind]) != 1 {
			t.Errorf("%d objects of kind %s in the base, want 1", len(m.objects[kind]), kind)
		}
	}
	if len(m.objects["Secret"]) != 0 {
		t.Error("the base must not ship a Secret; secret.example.yaml is an example only")
	}
	want := map[string]string{
		"HorizontalPodAutoscaler": "autoscaling/v2", "PodDisruptionBudget": "policy/v1",
		"ServiceMonitor": "monitoring.coreos.com/v1", "PrometheusRule": "monitoring.coreos.com/v1",
		"Deployment": "apps/v1", "Job": "batch/v1",
	}
	for kind, v := range want {
		for _, o := range m.objects[kind] {
			if o.APIVersion != v {
				t.Errorf("%s %s: apiVersion %s, want %s", kind, o.Metadata.Name, o.APIVersion, v)
			}
		}
	}
}

func TestK8s_Deployment(t *testing.T) {
	m := readManifests(t)
	var d deploymentSpec
	m.one(t, "Deployment", &d)
	if d.Replicas == nil || *d.Replicas != 2 {
		t.Errorf("replicas = %v, want 2", d.Replicas)
	}
	if !subset(d.Selector.MatchLabels, d.Template.Metadata.Labels) || len(d.Selector.MatchLabels) == 0 {
		t.Errorf("selector %v does not select the pod labels %v", d.Selector.MatchLabels, d.Template.Metadata.Labels)
	}
	pod := d.Template.Spec
	c := soleContainer(t, m, pod)
	if len(c.Args) > 0 && !slices.Equal(c.Args, []string{"serve"}) {
		t.Errorf("args = %v, want serve", c.Args)
	}

	ports := map[string]int{}
	for _, p := range c.Ports {
		ports[p.Name] = p.ContainerPort
	}
	if want := map[string]int{"http": 8080, "metrics": 9090}; !maps.Equal(ports, want) {
		t.Errorf("container ports = %v, want %v", ports, want)
	}
	for _, pr := range []struct {
		name string
		p    *probe
		path string
	}{
		{"startupProbe", c.StartupProbe, healthzPath},
		{"livenessProbe", c.LivenessProbe, healthzPath},
		{"readinessProbe", c.ReadinessProbe, readyzPath},
	} {
		if pr.p == nil || pr.p.HTTPGet == nil {
			t.Errorf("%s: missing or not httpGet", pr.name)
			continue
		}
		if pr.p.HTTPGet.Path != pr.path {
			t.Errorf("%s path = %q, want %q", pr.name, pr.p.HTTPGet.Path, pr.path)
		}
		if got := resolvePort(pr.p.HTTPGet.Port, ports); strconv.Itoa(got) != metricsPort {
			t.Errorf("%s port %v is %d, want the metrics port %s", pr.name, pr.p.HTTPGet.Port, got, metricsPort)
		}
	}

	checkAddr(t, "PRESSROOM_HTTP_ADDR", m.env["PRESSROOM_HTTP_ADDR"], apiPort)
	checkAddr(t, "PRESSROOM_METRICS_ADDR", m.env["PRESSROOM_METRICS_ADDR"], metricsPort)
	if m.env["PRESSROOM_RUN_MIGRATIONS"] != "false" {
		t.Errorf("PRESSROOM_RUN_MIGRATIONS = %q, want false (the migration Job migrates)", m.env["PRESSROOM_RUN_MIGRATIONS"])
	}
	// The server refuses to start on 0.0.0.0 without keys unless told to
	// serve openly; a cluster must get a key (first-key/) instead.
	if v := m.env["PRESSROOM_ALLOW_OPEN"]; v != "false" {
		t.Errorf("PRESSROOM_ALLOW_OPEN = %q, want false: a cluster deployment must use API keys", v)
	}
	for _, v := range pod.Volumes {
		if v.Secret != nil {
			t.Errorf("volume %s mounts Secret %s; the server reads no file from a Secret (API keys live in the database)",
				v.Name, v.Secret.SecretName)
		}
	}

	// Endpoint removal is asynchronous: something must keep the pod
	// serving after SIGTERM is due, the server's drain delay or a preStop
	// sleep, and the grace period must cover it and the drain.
	timeout := settingDuration(t, m.env, "PRESSROOM_SHUTDOWN_TIMEOUT")
	drain := settingDuration(t, m.env, "PRESSROOM_DRAIN_DELAY")
	preStop := time.Duration(0)
	if h := c.Lifecycle.PreStop; h != nil {
		if h.Sleep == nil {
			t.Error("preStop hook is not a sleep action; the image has no shell to run commands")
		} else {
			preStop = time.Duration(h.Sleep.Seconds) * time.Second
		}
	}
	if drain+preStop < 3*time.Second {
		t.Errorf("PRESSROOM_DRAIN_DELAY %v plus preStop sleep %v: want at least 3s, or proxies still route to a pod that stopped listening",
			drain, preStop)
	}
	if pod.TerminationGracePeriodSeconds == nil {
		t.Fatal("terminationGracePeriodSeconds is unset")
	}
	grace := time.Duration(*pod.TerminationGracePeriodSeconds) * time.Second
	if grace <= preStop+drain+timeout {
		t.Errorf("terminationGracePeriodSeconds %v must exceed the preStop sleep %v plus PRESSROOM_DRAIN_DELAY %v plus PRESSROOM_SHUTDOWN_TIMEOUT %v",
			grace, preStop, drain, timeout)
	}
}

func TestK8s_MigrationJob(t *testing.T) {
	m := readManifests(t)
	var j struct {
		Template podTemplate `yaml:"template"`
	}
	m.one(t, "Job", &j)
	pod := j.Template.Spec
	c := soleContainer(t, m, pod)
	if !slices.Equal(c.Args, []string{"migrate"}) {
		t.Errorf("migration Job args = %v, want [migrate]", c.Args)
	}
	if pod.RestartPolicy != "OnFailure" && pod.RestartPolicy != "Never" {
		t.Errorf("restartPolicy = %q", pod.RestartPolicy)
	}
	for _, e := range c.Env {
		if e.Name == "DATABASE_URL" && (e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil ||
			e.ValueFrom.SecretKeyRef.Key != "migrations-database-url") {
			t.Error("the migration Job must take DATABASE_URL from the direct (non-pooled) migrations-database-url")
		}
	}
}

// The server refuses to start on a public address while no API key
// exists, so a cluster needs one before its pods can run: the one-off Job
// in first-key/ makes it. It must stay out of the base, which is applied on
// every release, while a key is made once.
func TestK8s_FirstKeyJob(t *testing.T) {
	base := readManifests(t)
	if slices.ContainsFunc(base.k.Resources, func(r string) bool { return strings.Contains(r, "first-key") }) {
		t.Error("the base lists first-key: every apply would try to create the key again")
	}
	m := readKustomization(t, firstKeyDir)
	if len(m.objects) != 1 || len(m.objects["Job"]) != 1 {
		t.Fatalf("first-key holds %v, want one Job", slices.Collect(maps.Keys(m.objects)))
	}
	var j struct {
		BackoffLimit            *int        `yaml:"backoffLimit"`
		TTLSecondsAfterFinished *int        `yaml:"ttlSecondsAfterFinished"`
		Template                podTemplate `yaml:"template"`
	}
	m.one(t, "Job", &j)
	pod := j.Template.Spec
	c := soleContainer(t, m, pod)

	// A retry after a success would fail on the key's name, and a pod
	// restart would print a second token into the log.
	if pod.RestartPolicy != "Never" || j.BackoffLimit == nil || *j.BackoffLimit != 0 {
		t.Errorf("restartPolicy %q, backoffLimit %s: want Never and 0 (one attempt)", pod.RestartPolicy, intOrUnset(j.BackoffLimit))
	}
	// The token is in the pod's log until the Job is deleted.
	if j.TTLSecondsAfterFinished == nil || *j.TTLSecondsAfterFinished <= 0 || *j.TTLSecondsAfterFinished > 86400 {
		t.Errorf("ttlSecondsAfterFinished = %s, want 1 to 86400 so the log holding the token goes", intOrUnset(j.TTLSecondsAfterFinished))
	}

	if len(c.Args) < 2 || c.Args[0] != "keys" || c.Args[1] != "create" {
		t.Fatalf("args = %v, want keys create …", c.Args)
	}
	flags := map[string]string{}
	for i := 2; i+1 < len(c.Args); i += 2 {
		flags[c.Args[i]] = c.Args[i+1]
	}
	if flags["--name"] == "" {
		t.Errorf("args %v lack --name", c.Args)
	}
	scopes := strings.Split(flags["--scopes"], ",")
	if flags["--scopes"] == "" || slices.ContainsFunc(scopes, func(s string) bool {
		return !slices.Contains([]string{"ingest", "read", "admin"}, s)
	}) {
		t.Errorf("--scopes %q: want a comma-separated subset of ingest, read, admin", flags["--scopes"])
	}

	// `keys create` brings the schema up to date first unless told not to;
	// migrating takes a session lock that needs the direct connection.
	env := jobEnv(t, m)
	migrates := env["PRESSROOM_RUN_MIGRATIONS"] != "false"
	for _, e := range c.Env {
		if e.Name == "DATABASE_URL" && migrates && (e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil ||
			e.ValueFrom.SecretKeyRef.Key != "migrations-database-url") {
			t.Error("the first-key Job migrates, so DATABASE_URL must be the direct migrations-database-url")
		}
	}
	if env["PRESSROOM_REQUIRE_DATABASE_URL"] != "true" {
		t.Error("PRESSROOM_REQUIRE_DATABASE_URL is not true: without DATABASE_URL the binary would start a private PostgreSQL")
	}
}

// soleContainer returns a pod's only container, checked by checkContainer.
func soleContainer(t *testing.T, m manifests, pod podSpec) container {
	t.Helper()
	if len(pod.Containers) != 1 {
		t.Fatalf("%d containers, want 1", len(pod.Containers))
	}
	checkContainer(t, m, pod, pod.Containers[0])
	return pod.Containers[0]
}

// checkContainer holds the rules every Pressroom container shares: the
// image kustomize rewrites, non-root, read-only, resources, and settings
// from the ConfigMap and the Secret that exist.
func checkContainer(t *testing.T, m manifests, pod podSpec, c container) {
	t.Helper()
	if c.Image != imageName {
		t.Errorf("container %s: image %q, want %q (the name overlays rewrite)", c.Name, c.Image, imageName)
	}
	if !isTrue(pod.SecurityContext.RunAsNonRoot) {
		t.Errorf("container %s: pod securityContext.runAsNonRoot is not true", c.Name)
	}
	if !isTrue(c.SecurityContext.ReadOnlyRootFilesystem) {
		t.Errorf("container %s: readOnlyRootFilesystem is not true", c.Name)
	}
	if c.SecurityContext.AllowPrivilegeEscalation == nil || *c.SecurityContext.AllowPrivilegeEscalation {
		t.Errorf("container %s: allowPrivilegeEscalation is not false", c.Name)
	}
	if c.Resources.Requests["cpu"] == "" || c.Resources.Requests["memory"] == "" || c.Resources.Limits["memory"] == "" {
		t.Errorf("container %s: resources %+v lack cpu/memory requests or a memory limit", c.Name, c.Resources)
	}

	objs := readObjects(t, "k8s/secret.example.yaml")
	if len(objs) != 1 || objs[0].Kind != "Secret" {
		t.Fatal("secret.example.yaml: want one Secret")
	}
	var secret struct {
		StringData map[string]string `yaml:"stringData"`
	}
	if err := objs[0].node.Decode(&secret); err != nil {
		t.Fatal(err)
	}
	secretName := objs[0].Metadata.Name

	hasDB := false
	for _, e := range c.Env {
		if e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil {
			continue
		}
		ref := e.ValueFrom.SecretKeyRef
		if ref.Name != secretName {
			t.Errorf("container %s: %s from Secret %q, the example is %q", c.Name, e.Name, ref.Name, secretName)
		}
		if _, ok := secret.StringData[ref.Key]; !ok {
			t.Errorf("container %s: %s from key %q the example Secret lacks", c.Name, e.Name, ref.Key)
		}
		hasDB = hasDB || e.Name == "DATABASE_URL"
	}
	if !hasDB {
		t.Errorf("container %s: DATABASE_URL does not come from a Secret", c.Name)
	}
	for _, v := range pod.Volumes {
		if v.Secret == nil {
			continue
		}
		for _, it := range v.Secret.Items {
			if _, ok := secret.StringData[it.Key]; !ok || v.Secret.SecretName != secretName {
				t.Errorf("volume %s: Secret %s key %s is not in the example Secret", v.Name, v.Secret.SecretName, it.Key)
			}
		}
	}
	for _, ef := range c.EnvFrom {
		if ef.ConfigMapRef == nil {
			continue
		}
		if !slices.ContainsFunc(m.k.ConfigMapGenerator, func(g configMapGenerator) bool {
			return g.Name == ef.ConfigMapRef.Name
		}) {
			t.Errorf("container %s: ConfigMap %q is not generated", c.Name, ef.ConfigMapRef.Name)
		}
	}
}

func TestK8s_ServiceAndMonitor(t *testing.T) {
	m := readManifests(t)
	var d deploymentSpec
	m.one(t, "Deployment", &d)
	podPorts := map[string]int{}
	for _, p := range d.Template.Spec.Containers[0].Ports {
		podPorts[p.Name] = p.ContainerPort
	}

	var svc struct {
		Selector map[string]string `yaml:"selector"`
		Ports    []struct {
			Name       string `yaml:"name"`
			Port       int    `yaml:"port"`
			TargetPort any    `yaml:"targetPort"`
		} `yaml:"ports"`
	}
	so := m.one(t, "Service", &svc)
	if len(svc.Selector) == 0 || !subset(svc.Selector, d.Template.Metadata.Labels) {
		t.Errorf("Service selector %v does not select the Deployment's pods %v", svc.Selector, d.Template.Metadata.Labels)
	}
	ports := map[string]int{}
	for _, p := range svc.Ports {
		ports[p.Name] = p.Port
		if got := resolvePort(p.TargetPort, podPorts); got != p.Port {
			t.Errorf("Service port %s: targetPort %v is container port %d, want %d", p.Name, p.TargetPort, got, p.Port)
		}
	}
	if want := map[string]int{"http": 8080, "metrics": 9090}; !maps.Equal(ports, want) {
		t.Errorf("Service ports = %v, want %v", ports, want)
	}

	var sm struct {
		JobLabel  string        `yaml:"jobLabel"`
		Selector  labelSelector `yaml:"selector"`
		Endpoints []struct {
			Port string `yaml:"port"`
			Path string `yaml:"path"`
		} `yaml:"endpoints"`
	}
	m.one(t, "ServiceMonitor", &sm)
	if len(sm.Selector.MatchLabels) == 0 || !subset(sm.Selector.MatchLabels, so.Metadata.Labels) {
		t.Errorf("ServiceMonitor selector %v does not select the Service (labels %v)", sm.Selector.MatchLabels, so.Metadata.Labels)
	}
	job := so.Metadata.Name
	if sm.JobLabel != "" {
		job = so.Metadata.Labels[sm.JobLabel]
	}
	if job != "pressroom" {
		t.Errorf("Prometheus job would be %q; the alerts and dashboard expect pressroom", job)
	}
	if len(sm.Endpoints) != 1 || sm.Endpoints[0].Port != "metrics" || sm.Endpoints[0].Path != "/metrics" {
		t.Errorf("ServiceMonitor endpoints = %+v, want port metrics, path /metrics", sm.Endpoints)
	}
}

func TestK8s_HPAAndPDB(t *testing.T) {
	m := readManifests(t)
	var d deploymentSpec
	do := m.one(t, "Deployment", &d)

	var hpa struct {
		ScaleTargetRef struct {
			Kind string `yaml:"kind"`
			Name string `yaml:"name"`
		} `yaml:"scaleTargetRef"`
		MinReplicas int `yaml:"minReplicas"`
		MaxReplicas int `yaml:"maxReplicas"`
	}
	m.one(t, "HorizontalPodAutoscaler", &hpa)
	if hpa.ScaleTargetRef.Kind != "Deployment" || hpa.ScaleTargetRef.Name != do.Metadata.Name {
		t.Errorf("HPA targets %+v, want the Deployment %s", hpa.ScaleTargetRef, do.Metadata.Name)
	}
	if hpa.MinReplicas < 2 || hpa.MaxReplicas < hpa.MinReplicas {
		t.Errorf("HPA replicas %d..%d, want at least 2 and max >= min", hpa.MinReplicas, hpa.MaxReplicas)
	}

	var pdb struct {
		MaxUnavailable any           `yaml:"maxUnavailable"`
		MinAvailable   any           `yaml:"minAvailable"`
		Selector       labelSelector `yaml:"selector"`
	}
	m.one(t, "PodDisruptionBudget", &pdb)
	if pdb.MaxUnavailable != 1 || pdb.MinAvailable != nil {
		t.Errorf("PDB maxUnavailable = %v, minAvailable = %v; want maxUnavailable 1 only", pdb.MaxUnavailable, pdb.MinAvailable)
	}
	if len(pdb.Selector.MatchLabels) == 0 || !subset(pdb.Selector.MatchLabels, d.Template.Metadata.Labels) {
		t.Errorf("PDB selector %v does not select the Deployment's pods", pdb.Selector.MatchLabels)
	}
}

// resolvePort turns a probe's or Service's port, a number or a container
// port name, into a number (0 when unknown).
func resolvePort(p any, named map[string]int) int {
	switch p := p.(type) {
	case int:
		return p
	case string:
		if n, err := strconv.Atoi(p); err == nil {
			return n
		}
		return named[p]
	}
	return 0
}

func subset(sub, super map[string]string) bool {
	for k, v := range sub {
		if super[k] != v {
			return false
		}
	}
	return true
}

func isTrue(b *bool) bool { return b != nil && *b }

func intOrUnset(p *int) string {
	if p == nil {
		return "unset"
	}
	return strconv.Itoa(*p)
}

// Containers name the image "pressroom" and overlays rewrite that name. A
// kustomization that renamed it first would hide it from every overlay,
// whose `images: [{name: pressroom}]` would then match nothing.
func TestK8s_ImageLeftToOverlays(t *testing.T) {
	for _, dir := range []string{baseDir, firstKeyDir} {
		for _, i := range readKustomization(t, dir).k.Images {
			if i.Name == imageName {
				t.Errorf("%s: kustomization rewrites image %s to %s:%s; leave that to overlays", dir, i.Name, i.NewName, i.NewTag)
			}
		}
	}
}
