// duckdb_precinct.mjs -- the peer of bench_precinct: DuckDB (@duckdb/node-api)
// with 2 threads sums a MEDSL precinct CSV by state and candidate:
//   SELECT state_po, candidate, sum(votes) ... GROUP BY ALL
// Prints "groups wall_ms cpu_ms" for the query alone (the instance is made
// first; node's start and DuckDB's load are not counted).
// Usage: node duckdb_precinct.mjs FILE.csv|/dev/stdin [threads]
import { DuckDBInstance } from '@duckdb/node-api';

const path = process.argv[2];
const threads = process.argv[3] || '2';
const inst = await DuckDBInstance.create(':memory:', { threads });
const con = await inst.connect();
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
const r = await con.runAndReadAll(
  `SELECT state_po, candidate, sum(votes) AS votes
     FROM read_csv('${path.replace(/'/g, "''")}', header = true)
    GROUP BY ALL`);
const rows = r.getRows().length;
const c1 = process.cpuUsage(c0);
const t1 = process.hrtime.bigint();
console.log(rows, (Number(t1 - t0) / 1e6).toFixed(1),
            ((c1.user + c1.system) / 1e3).toFixed(1));
