// Command pressroom is the Pressroom server and its tools: serve (the
// default), migrate, and extract.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "pressroom:", err)
		os.Exit(1)
	}
}

// run dispatches to a subcommand. Everything the process needs from the
// outside world comes in as arguments, so tests can run it in-process.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return runServe(ctx, getenv, stderr)
	case "migrate":
		return runMigrate(ctx, getenv, stderr)
	case "healthcheck":
		return runHealthcheck(ctx, args, getenv, stderr)
	case "keys":
		return runKeys(ctx, args, getenv, stdout, stderr)
	case "reextract":
		return runReextract(ctx, args, getenv, stderr)
	case "extract":
		return runExtract(args, stdin, stdout, stderr)
	default:
		return fmt.Errorf("unknown command %q (want serve, migrate, extract, reextract, keys, healthcheck)", cmd)
	}
}
