package tsvector

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// This file keeps the logic of the fourth pass's builder
// (docs/performance.md), in plain form (maps where it interned), as the
// reference the current one must agree with byte for byte
// (TestVectorsMatchReference): it resolved every token of a batch,
// grouped each of a doc's two texts into a vector of its own, sorted by
// lexeme, then applied SetWeight and Concat (setweight and ||, kept here:
// Cache.Vectors applies both as it groups). It parses with step alone,
// without Parse's fast path. Its answers are asked of lexize through a
// plain map instead of a Cache: caching does not change a vector.

// refParse is Parse as it was before its fast path: step after step.
func refParse(text string, emit func(typ TokenType, token string)) (sure bool) {
	p := parser{text: text, sink: emitFunc(emit), blanks: true, blank: -1}
	p.parts = p.buf[:0]
	for p.i < len(text) {
		if !p.step() {
			return false
		}
	}
	p.flushBlank()
	return true
}

type refToken struct {
	text   string
	answer int32
	dict   uint16
	typ    TokenType
}

type refBatch struct {
	answers map[Key]int32
	lexemes [][]int32 // per answer: its lexeme ids
	known   []bool
	lexID   map[string]int32
	lexStr  []string
}

func (b *refBatch) add(k Key, l Lexized) {
	id := int32(len(b.known))
	b.answers[k] = id
	var ids []int32
	if l.Known {
		for _, s := range l.Lexemes {
			lid, ok := b.lexID[s]
			if !ok {
				lid = int32(len(b.lexStr))
				b.lexID[s] = lid
				b.lexStr = append(b.lexStr, s)
			}
			ids = append(ids, lid)
		}
	}
	b.lexemes = append(b.lexemes, ids)
	b.known = append(b.known, l.Known)
}

func (b *refBatch) resolve(cfg *Config, t *refToken) (Key, bool) {
	dicts := cfg.Dicts[t.typ]
	for t.answer < 0 && int(t.dict) < len(dicts) {
		k := Key{dicts[t.dict], t.text}
		id, ok := b.answers[k]
		if !ok {
			return k, true
		}
		if b.known[id] {
			t.answer = id
		} else {
			t.dict++
		}
	}
	return Key{}, false
}

// refVectors is Cache.Vectors as the fourth pass built it.
func refVectors(ctx context.Context, docs []Doc, lexize LexizeFunc) ([]Vector, error) {
	b := &refBatch{answers: make(map[Key]int32), lexID: make(map[string]int32)}
	type parsed struct {
		title, body []refToken
		sure        bool
	}
	texts := make([]parsed, len(docs))
	tokens := func(cfg *Config, text string) ([]refToken, bool) {
		var out []refToken
		sure := refParse(text, func(typ TokenType, tok string) {
			if len(cfg.Dicts[typ]) > 0 && len(tok) < MaxWordBytes {
				out = append(out, refToken{typ: typ, text: tok, answer: -1})
			}
		})
		return out, sure
	}
	for i, d := range docs {
		title, sureTitle := tokens(d.Config, d.Title)
		body, sureBody := tokens(d.Config, d.Body)
		texts[i] = parsed{title, body, sureTitle && sureBody}
	}
	for round := 0; ; round++ {
		var missing []Key
		seen := make(map[Key]bool)
		for i, d := range docs {
			if !texts[i].sure {
				continue
			}
			for _, ts := range [2][]refToken{texts[i].title, texts[i].body} {
				for j := range ts {
					if k, ok := b.resolve(d.Config, &ts[j]); ok && !seen[k] {
						seen[k] = true
						missing = append(missing, k)
					}
				}
			}
		}
		if len(missing) == 0 {
			break
		}
		if round >= maxRounds {
			return nil, fmt.Errorf("tsvector: words still unknown after %d rounds", round)
		}
		answers, err := lexize(ctx, missing)
		if err != nil {
			return nil, err
		}
		if len(answers) != len(missing) {
			return nil, fmt.Errorf("tsvector: lexize: %d answers for %d words", len(answers), len(missing))
		}
		for i, k := range missing {
			b.add(k, answers[i])
		}
	}
	out := make([]Vector, len(docs))
	for i := range docs {
		if texts[i].sure {
			out[i] = Concat(refBuild(b, texts[i].title).SetWeight(A), refBuild(b, texts[i].body).SetWeight(B))
		}
	}
	return out, nil
}

// refBuild is to_tsvector's grouping of resolved tokens.
func refBuild(b *refBatch, toks []refToken) Vector {
	entry := make(map[int32]int)
	var v Vector
	pos := 0
	for _, t := range toks {
		if t.answer < 0 {
			continue
		}
		pos++
		p := uint16(min(pos, MaxPos))
		for _, lid := range b.lexemes[t.answer] {
			i, ok := entry[lid]
			if !ok {
				i = len(v)
				entry[lid] = i
				v = append(v, Entry{Lexeme: b.lexStr[lid], Positions: []uint16{p}})
				continue
			}
			e := &v[i]
			if k := len(e.Positions); k < maxPositions-1 && e.Positions[k-1] != MaxPos && e.Positions[k-1] != p {
				e.Positions = append(e.Positions, p)
			}
		}
	}
	slices.SortFunc(v, func(x, y Entry) int { return strings.Compare(x.Lexeme, y.Lexeme) })
	return v
}

// SetWeight is setweight(v, w), in place.
func (v Vector) SetWeight(w Weight) Vector {
	for _, e := range v {
		for i, p := range e.Positions {
			e.Positions[i] = p&MaxPos | uint16(w)<<14
		}
	}
	return v
}

// Concat is a || b: b's positions move past a's largest, capped at MaxPos;
// a lexeme in both keeps a's positions and then b's, at most maxPositions
// in all and none after one reached MaxPos. It reuses b's position slices
// for lexemes only in b (b is not to be used afterwards).
func Concat(a, b Vector) Vector {
	shift := 0
	for _, e := range a {
		for _, p := range e.Positions {
			shift = max(shift, int(p&MaxPos))
		}
	}
	out := make(Vector, 0, len(a)+len(b))
	addShifted := func(dst []uint16, src []uint16) []uint16 {
		for _, p := range src {
			if len(dst) >= maxPositions || (len(dst) > 0 && dst[len(dst)-1]&MaxPos == MaxPos) {
				break
			}
			dst = append(dst, p&^MaxPos|uint16(min(int(p&MaxPos)+shift, MaxPos)))
		}
		return dst
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		var c int
		switch {
		case i == len(a):
			c = 1
		case j == len(b):
			c = -1
		default:
			c = strings.Compare(a[i].Lexeme, b[j].Lexeme)
		}
		switch {
		case c < 0:
			out = append(out, a[i])
			i++
		case c > 0:
			// Shifting in place: each position is written at or before the
			// index it was read from.
			pos := b[j].Positions
			out = append(out, Entry{Lexeme: b[j].Lexeme, Positions: addShifted(pos[:0], pos)})
			j++
		default:
			pos := addShifted(slices.Clip(a[i].Positions), b[j].Positions)
			out = append(out, Entry{Lexeme: a[i].Lexeme, Positions: pos})
			i++
			j++
		}
	}
	return out
}
