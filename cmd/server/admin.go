package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/pressroom/pressroom/internal/api"
	"github.com/pressroom/pressroom/internal/extract"
	"github.com/pressroom/pressroom/internal/ingest"
	"github.com/pressroom/pressroom/internal/store"
	"github.com/pressroom/pressroom/internal/worker"
)

// withDatabase loads the configuration, opens the configured database (or
// the private development one) and runs f, closing the database after.
func withDatabase(ctx context.Context, getenv func(string) string, stderr io.Writer, f func(config, *store.Store, *slog.Logger) error) error {
	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	logger := newLogger(stderr, cfg.LogLevel)
	db, err := openDatabase(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer db.close(logger)
	return f(cfg, db.store, logger)
}

// withStore opens the database as withDatabase does, brings the schema up
// to date as serve would, and runs f.
func withStore(ctx context.Context, getenv func(string) string, stderr io.Writer, f func(*store.Store, *slog.Logger) error) error {
	return withDatabase(ctx, getenv, stderr, func(cfg config, st *store.Store, logger *slog.Logger) error {
		if err := prepareSchema(ctx, cfg, st, logger); err != nil {
			return err
		}
		return f(st, logger)
	})
}

// runKeys implements `pressroom keys create|list|revoke`.
func runKeys(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	usage := errors.New("usage: pressroom keys create --name NAME --scopes ingest,read,admin | keys list | keys revoke ID|NAME")
	if len(args) == 0 {
		return usage
	}
	switch args[0] {
	case "create":
		fs := flag.NewFlagSet("keys create", flag.ContinueOnError)
		fs.SetOutput(stderr)
		name := fs.String("name", "", "a name for the key (who uses it)")
		scopes := fs.String("scopes", "ingest,read", "comma-separated scopes: ingest, read, admin")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if *name == "" {
			return errors.New("keys create: --name is required")
		}
		return withStore(ctx, getenv, stderr, func(s *store.Store, _ *slog.Logger) error {
			token, key, err := s.CreateAPIKey(ctx, *name, strings.Split(*scopes, ","))
			if err != nil {
				return err
			}
			fmt.Fprintf(stderr, "created key %s (%s) with scopes %s; it is shown once, store it now:\n", key.Name, key.ID, strings.Join(key.Scopes, ","))
			fmt.Fprintln(stdout, token)
			return nil
		})
	case "list":
		return withStore(ctx, getenv, stderr, func(s *store.Store, _ *slog.Logger) error {
			keys, err := s.ListAPIKeys(ctx)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tPREFIX\tSCOPES\tCREATED\tLAST USED\tREVOKED")
			for _, k := range keys {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", k.ID, k.Name, k.Prefix, strings.Join(k.Scopes, ","),
					k.CreatedAt.UTC().Format(time.RFC3339), timeOrDash(k.LastUsedAt), timeOrDash(k.RevokedAt))
			}
			return tw.Flush()
		})
	case "revoke":
		if len(args) != 2 {
			return usage
		}
		return withStore(ctx, getenv, stderr, func(s *store.Store, _ *slog.Logger) error {
			if err := s.RevokeAPIKey(ctx, args[1]); err != nil {
				return err
			}
			fmt.Fprintf(stderr, "revoked %s; running servers stop accepting it within a minute\n", args[1])
			return nil
		})
	default:
		return usage
	}
}

func timeOrDash(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.UTC().Format(time.RFC3339)
}

// runReextract re-runs the current extractor over stored dumps made by an
// older one (see worker.Reextraction): safe to interrupt and run again.
func runReextract(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	fs := flag.NewFlagSet("reextract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	below := fs.Int("below-version", extract.Version, "re-extract dumps whose extractor version is below `N`")
	batchSize := fs.Int("batch-size", 100, "dumps read per batch")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *batchSize < 1 || *batchSize > 10000 {
		return errors.New("reextract: --batch-size must be from 1 to 10000")
	}
	return withStore(ctx, getenv, stderr, func(s *store.Store, logger *slog.Logger) error {
		// The command has no metrics endpoint: the service's metrics go to
		// a registry of its own.
		svc := ingest.New(s, prometheus.NewRegistry(), api.DefaultDBTimeout)
		r := &worker.Reextraction{Store: s, Ingest: svc, Logger: logger, BelowVersion: *below, BatchSize: *batchSize}
		_, err := r.Run(ctx)
		return err
	})
}
