#!/usr/bin/env bash
# Download the 1Password events export artifacts of a repository into one folder, merge each finished
# day into one file per feed (the CLI's compact command), then query them with DuckDB.
#
#   examples/download-and-query.sh acme/security-exports [folder]
#
# Needs the GitHub CLI (`gh auth login`, with read access to the repository's Actions), Node.js 22.15
# or later for the compact command (run from a clone of this repository, which has dist/cli.js) and,
# for the query, DuckDB (https://duckdb.org). Run it again later: runs already looked at are skipped,
# and days already merged stay merged. Artifacts expire (90 days by default): download at least that
# often, or use `destination: repo`.
#
# Environment: WORKFLOW (only runs of this workflow file, e.g. 1password-events.yml), RUNS (how many
# recent runs to look at, default 500), ARTIFACT_PATTERN (default 1password-events-*), DUCKDB (the
# duckdb binary, default duckdb), EXPORT_CLI (the exporter's CLI, default: node dist/cli.js of this
# clone).
set -euo pipefail

repo="${1:?usage: $0 owner/repo [folder]}"
folder="${2:-1password-events}"
pattern="${ARTIFACT_PATTERN:-1password-events-*}"
duckdb="${DUCKDB:-duckdb}"
read -r -a cli <<<"${EXPORT_CLI:-node $(cd "$(dirname "$0")/.." && pwd)/dist/cli.js}"

mkdir -p "$folder"
seen="$folder/.downloaded-runs"
touch "$seen"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# Completed runs, failed ones included: a run that fails after delivering has still uploaded its files.
list_args=(--repo "$repo" --status completed --limit "${RUNS:-500}" --json databaseId --jq '.[].databaseId')
if [ -n "${WORKFLOW:-}" ]; then list_args+=(--workflow "$WORKFLOW"); fi
runs="$(gh run list "${list_args[@]}")"

downloaded=0
sources=()
for run in $runs; do
  if grep -qx "$run" "$seen"; then continue; fi
  if ! gh run download "$run" --repo "$repo" --pattern "$pattern" --dir "$scratch/$run" 2>"$scratch/error"; then
    if grep -q "no valid artifacts" "$scratch/error"; then
      # Nothing new in that run, or its artifact expired: a completed run never gains one later.
      echo "$run" >>"$seen"
    else
      echo "run $run: $(cat "$scratch/error")" >&2
    fi
    continue
  fi
  # One folder per artifact, each with the export layout (<feed>/date=.../part-<run_id>-<attempt>-
  # <seq>.parquet and _manifests/<run_id>-<attempt>.json); compact --from brings them all into $folder.
  sources+=(--from "$scratch/$run")
  downloaded=$((downloaded + 1))
done
echo "Downloaded the artifacts of $downloaded new runs"

# Bring the new files in and merge every finished day: a month of artifacts becomes a few files per
# feed. Safe to interrupt; the next call finishes the job. A run is marked as seen once its files are in.
"${cli[@]}" compact "${sources[@]}" "$folder"
for source in "${sources[@]}"; do
  if [ "$source" != --from ]; then basename "$source" >>"$seen"; fi
done

if ! command -v "$duckdb" >/dev/null 2>&1; then
  echo "Install DuckDB (https://duckdb.org) to query the files; docs/queries.md has queries to start from."
  exit 0
fi
if [ ! -d "$folder/signinattempts" ]; then
  echo "No sign-in attempts in $folder yet."
  exit 0
fi

# Failed sign-ins of the last 30 days per country and user (repeats dropped on uuid).
cd "$folder"
"$duckdb" -c "
SELECT country, target_user_email AS email, count(DISTINCT uuid) AS failed, max(timestamp) AS last_failure
FROM read_parquet('signinattempts/date=*/*.parquet', hive_partitioning = true)
WHERE category NOT IN ('success', 'firewall_reported_success')
  AND date >= current_date - INTERVAL 30 DAY
GROUP BY ALL
ORDER BY failed DESC
LIMIT 20"
