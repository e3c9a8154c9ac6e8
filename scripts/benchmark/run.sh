#!/usr/bin/env bash
# The benchmarks of the README's « Performance et fiabilité »: one run, one table (about 4 minutes).
# Needs PostgreSQL as the tests do (127.0.0.1:5432, trust; ATLAS_TEST_PG_* to change) and pgbench.
# Creates the databases atlas_it_bench (again at each run) and atlas_it_pgbench (kept: pgbench -i once).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q test-compile
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  -Dbench.seconds="${BENCH_SECONDS:-20}" -Dbench.campaign="${BENCH_CAMPAIGN:-5000}" \
  fr.gouv.cncd.atlas.atlas.AtlasBenchmark 2>&1 | grep --line-buffered -v -E '^\s*at |^[0-9-]+T[0-9:.]+Z +(INFO|DEBUG)'
