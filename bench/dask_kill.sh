#!/usr/bin/env bash
# ingest --engine dask from the command line, killed twice: kill -9 of one worker process mid-run,
# then kill -9 of the whole command; then the same command again, and whimbrel load. Prints the
# documents lost and duplicated (both should be 0).
#
#   python scripts/make_syndicated_corpus.py --out /tmp/c200.jsonl --n 200
#   PYTHONPATH=$PWD/src bash bench/dask_kill.sh /tmp/c200.jsonl
set -u
CORPUS=${1:?a JSONL corpus of records with ids}
N=$(grep -c . "$CORPUS")
TMP=$(mktemp -d)
OUT=$TMP/out
whimbrel ingest "$CORPUS" --engine dask --workers 2 --partition-size 20 --out "$OUT" > "$TMP/run1.log" 2>&1 &
CLIENT=$!
until [ "$(ls "$OUT/_done" 2>/dev/null | wc -l)" -ge 3 ]; do sleep 1; done
W=$(pgrep -P $CLIENT -f spawn_main | tail -1)
echo "markers $(ls "$OUT/_done" | wc -l); kill -9 worker $W"; kill -9 "$W"
until [ "$(ls "$OUT/_done" 2>/dev/null | wc -l)" -ge 6 ]; do sleep 1; done
KIDS=$(pgrep -P $CLIENT -f spawn_main | tr '\n' ' ')
echo "markers $(ls "$OUT/_done" | wc -l); kill -9 the command $CLIENT (workers $KIDS)"; kill -9 $CLIENT
sleep 15
echo "workers alive 15 s later: [$(for k in $KIDS; do kill -0 "$k" 2>/dev/null && echo "$k"; done | tr '\n' ' ')]"
echo "markers: $(ls "$OUT/_done" | wc -l), attempts that died: $(ls "$OUT/_started" 2>/dev/null | wc -l)"
whimbrel ingest "$CORPUS" --engine dask --workers 2 --partition-size 20 --out "$OUT" > "$TMP/run2.log" 2>&1
echo "re-run exit code $?: $(tail -1 "$TMP/run2.log")"
whimbrel load "$OUT" --db "$TMP/store.duckdb" 2>/dev/null
OUT="$OUT" DB="$TMP/store.duckdb" N=$N python - <<'EOF'
import os, duckdb
out, n = os.environ["OUT"], int(os.environ["N"])
rows, distinct = duckdb.connect().execute(
    f"SELECT count(*), count(DISTINCT article_id) FROM read_parquet('{out}/articles/**/*.parquet')").fetchone()
print(f"{n} documents; article rows in the Parquet folder {rows}, distinct {distinct}: duplicated {rows - distinct}")
con = duckdb.connect(os.environ["DB"], read_only=True)
a, f = con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM failures)").fetchone()
print(f"store after whimbrel load: {a} articles + {f} failures: lost {n - a - f}")
EOF
rm -rf "$TMP"
