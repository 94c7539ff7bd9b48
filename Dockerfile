# syntax=docker/dockerfile:1
#
# Pressroom image: a static binary on distroless, running as non-root.
#   docker build --build-arg VERSION=$(git describe --tags --always) \
#                --build-arg REVISION=$(git rev-parse HEAD) -t pressroom .
# No HEALTHCHECK: Kubernetes probes /healthz and /readyz itself, and
# orchestrators that want a command run `/pressroom healthcheck`
# (deploy/compose.yaml does). See deploy/README.md.

# The build stage runs on the builder's own platform and cross-compiles, so a
# multi-platform build does not emulate the Go toolchain.
FROM --platform=$BUILDPLATFORM golang:1.26 AS build
WORKDIR /src

COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download

COPY . .
ARG TARGETOS
ARG TARGETARCH
ARG VERSION=dev
ARG REVISION=unknown
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath \
      -ldflags "-s -w -X main.version=${VERSION} -X main.revision=${REVISION}" \
      -o /out/pressroom ./cmd/server

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/pressroom /pressroom
# Inside a container the listeners must bind every interface, and the binary
# must never fall back to starting a local PostgreSQL.
ENV PRESSROOM_HTTP_ADDR=0.0.0.0:8080 \
    PRESSROOM_METRICS_ADDR=0.0.0.0:9090 \
    PRESSROOM_REQUIRE_DATABASE_URL=true
USER nonroot:nonroot
# 8080: the API. 9090: /metrics, /healthz, /readyz — keep it off public networks.
EXPOSE 8080 9090
ENTRYPOINT ["/pressroom"]
CMD ["serve"]
