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

# ---- The store: ingest into a fresh database, then query it. ----
echo
echo "== The store: parley ingest into a fresh database, then queries =="
DB_DIR=$(mktemp -d)
trap 'rm -rf "$DB_DIR"' EXIT
DB="$DB_DIR/demo.db"
if [ -d "$SHARED" ]; then
  "$PARLEY" ingest "$SHARED/samples" "$SHARED/wikinews/wikinews-2019-2021.jsonl" --db "$DB"
else
  "$PARLEY" ingest examples --db "$DB"
fi
echo
echo "== parley dyad USA IRN --by month (events both ways by quad class, mean Goldstein) =="
"$PARLEY" dyad USA IRN --by month --db "$DB" --svg "$DB_DIR/usa-irn.svg"
echo
echo "== parley dyad USA RUS --by month =="
"$PARLEY" dyad USA RUS --by month --db "$DB"
echo
echo "== parley events --quad 4 --limit 5 (material conflict, with the evidence) =="
"$PARLEY" events --quad 4 --limit 5 --format table --db "$DB"
echo
echo "== parley events --text sanctions --limit 3 =="
"$PARLEY" events --text sanctions --limit 3 --format table --db "$DB"
echo
echo "== parley quotes --speaker RUS --limit 3 =="
"$PARLEY" quotes --speaker RUS --limit 3 --format table --db "$DB"
