/** The `thidua` command. Exit codes: 0 success, 1 rows rejected / verification failed, 2 usage or rule-set error. */
import { quietOnBrokenPipe } from "./cleanup.js";
import { run } from "./run.js";

quietOnBrokenPipe();
process.exitCode = await run(process.argv.slice(2));
