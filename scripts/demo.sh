#!/usr/bin/env bash
# make demo: runs parley on the sample articles and part of the Wikinews corpus (or, in a clone
# without ../shared, on examples/) and prints a readable summary.
set -euo pipefail
BUILD=${1:-build}
PARLEY="$BUILD/parley"
SHARED=../shared/data

summary() {  # one line per document: id, date, sentences, actors, events, title
  jq -r '[.id[-48:], (.published // "-"), (.sentences|length), (.actors|length), (.times|length),
          (.quotes|length), (.events|length), ((.title // "-")[:60])] | @tsv' |
    awk -F'\t' 'BEGIN { printf "%-48s %-10s %5s %6s %5s %6s %6s  %s\n", "document", "date", "sent", "actors", "times", "quotes", "events", "title" }
                { printf "%-48s %-10s %5s %6s %5s %6s %6s  %s\n", $1, $2, $3, $4, $5, $6, $7, $8 }'
}

if [ -d "$SHARED" ]; then
  echo "== The sample article, as parley reads it =="
  "$PARLEY" code "$SHARED/samples/moscow-times-2025-07-29.txt" --format table
  echo
  echo "== Wikinews articles as scraped (../shared/data/wikinews/as-scraped) =="
  "$PARLEY" code "$SHARED/wikinews/as-scraped" --format jsonl | summary
  echo
  echo "== The first 40 Wikinews JSONL articles =="
  head -n 40 "$SHARED/wikinews/wikinews-2019-2021.jsonl" | "$PARLEY" code - --format jsonl | summary
else
  echo "../shared/data is not here (a fresh clone): running on examples/ instead."
  for f in examples/*.txt; do "$PARLEY" code "$f" --format table; done
  "$PARLEY" code examples --format jsonl | summary
fi
