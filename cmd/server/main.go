// Command pressroom is the Pressroom server and its tools: serve (the
// default), migrate, and extract.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
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
	if cmd == "help" || slices.ContainsFunc(args, isHelpFlag) {
		printUsage(stdout)
		return nil
	}
	switch cmd {
	case "serve":
		// A flag the server does not know must not start it: the caller
		// asked for something else.
		if len(args) > 0 {
			return fmt.Errorf("serve takes no arguments, got %q; see pressroom -h", args)
		}
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
		return fmt.Errorf("unknown command %q (want serve, migrate, extract, reextract, keys, healthcheck; see pressroom -h)", cmd)
	}
}

func isHelpFlag(arg string) bool {
	switch arg {
	case "-h", "-help", "--help":
		return true
	}
	return false
}

// printUsage writes the commands and the settings read from the environment.
func printUsage(w io.Writer) {
	fmt.Fprint(w, `Usage: pressroom [COMMAND] [ARGS]

Commands:
  serve         run the server (the default)
  migrate       apply pending database migrations and exit
  keys          manage API keys: keys create --name NAME --scopes ingest,read,admin | keys list | keys revoke ID|NAME
  reextract     re-extract stored dumps made by older extractor versions
  extract       extract one dump from FILE or standard input and print it, storing nothing
  healthcheck   probe a running server: healthcheck [--url URL]
  help          print this message (also -h, --help)

Settings (environment variables, with their defaults):
`)
	for _, e := range envVars {
		def := e.def
		if def == "" {
			def = "unset"
		}
		fmt.Fprintf(w, "  %s=%s\n      %s\n", e.name, def, e.help)
	}
}
