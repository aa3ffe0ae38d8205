/** The `lantern` process (bin/lantern.js): runs the command line, sets the exit code. */
import { lantern } from './lantern.js';

// Output piped into `head` and closed early is not a failure: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await lantern(process.argv.slice(2), process.env);
