package api

import (
	"log/slog"
	"time"
)

var timeZero = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
