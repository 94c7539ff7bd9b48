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
	Name string `yaml:"name"`
}

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
		PreStop struct {
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

// manifests is the kustomize base as files: its objects by kind, and the
// settings the ConfigMap generator turns into environment variables.
type manifests struct {
	k       kustomization
	objects map[string][]k8sObject
	env     map[string]string
}

func readManifests(t *testing.T) manifests {
	t.Helper()
	m := manifests{objects: map[string][]k8sObject{}, env: map[string]string{}}
	readYAML(t, "k8s/kustomization.yaml", &m.k)
	for _, r := range m.k.Resources {
		for _, o := range readObjects(t, filepath.Join("k8s", r)) {
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
			mustExist(t, "configMapGenerator "+g.Name, filepath.Join("k8s", f))
		}
		for _, f := range g.Envs {
			maps.Copy(m.env, readEnvFile(t, filepath.Join("k8s", f)))
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
	if len(pod.Containers) != 1 {
		t.Fatalf("%d containers, want 1", len(pod.Containers))
	}
	c := pod.Containers[0]
	checkContainer(t, m, pod, c)
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
	if m.env["PRESSROOM_ALLOW_OPEN"] == "true" {
		t.Error("PRESSROOM_ALLOW_OPEN=true: a cluster deployment must use API keys")
	}
	keys := m.env["PRESSROOM_API_KEYS_FILE"]
	if keys == "" || !slices.ContainsFunc(c.VolumeMounts, func(v volumeMount) bool {
		return strings.HasPrefix(keys, v.MountPath+"/")
	}) {
		t.Errorf("PRESSROOM_API_KEYS_FILE %q is not inside a mounted volume", keys)
	}

	timeout := envDuration(t, m.env, "PRESSROOM_SHUTDOWN_TIMEOUT")
	preStop := 0
	if s := c.Lifecycle.PreStop.Sleep; s != nil {
		preStop = s.Seconds
	} else {
		t.Error("no preStop sleep: endpoints may still route to a pod that stopped listening")
	}
	if pod.TerminationGracePeriodSeconds == nil {
		t.Fatal("terminationGracePeriodSeconds is unset")
	}
	grace := time.Duration(*pod.TerminationGracePeriodSeconds) * time.Second
	if grace <= timeout+time.Duration(preStop)*time.Second {
		t.Errorf("terminationGracePeriodSeconds %v must exceed PRESSROOM_SHUTDOWN_TIMEOUT %v plus the preStop sleep %ds",
			grace, timeout, preStop)
	}
}

func TestK8s_MigrationJob(t *testing.T) {
	m := readManifests(t)
	var j struct {
		Template podTemplate `yaml:"template"`
	}
	m.one(t, "Job", &j)
	pod := j.Template.Spec
	if len(pod.Containers) != 1 {
		t.Fatalf("%d containers, want 1", len(pod.Containers))
	}
	c := pod.Containers[0]
	checkContainer(t, m, pod, c)
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

// checkContainer holds the rules every Pressroom container shares: the
// image kustomize rewrites, non-root, read-only, resources, and settings
// from the ConfigMap and the Secret that exist.
func checkContainer(t *testing.T, m manifests, pod podSpec, c container) {
	t.Helper()
	if !slices.ContainsFunc(m.k.Images, func(i imageRewrite) bool {
		return i.Name == c.Image
	}) {
		t.Errorf("container %s: image %q is not one kustomization.yaml rewrites", c.Name, c.Image)
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
