/** The `thidua` command. Exit codes: 0 success, 1 rows rejected / verification failed, 2 usage or rule-set error. */
import { run } from "./run.js";

process.exitCode = await run(process.argv.slice(2));
