// Runs s3rver for the S3 adapter's tests in a process of its own, so that the server's memory
// does not count in the test's memory assertions. Usage: node s3rver-process.cjs <data folder>.
// Listens on 127.0.0.1 and a free port, sends { port } to the parent over IPC, and stops on
// SIGTERM or when the parent goes away.
const S3rver = require('s3rver');

const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: process.argv[2] });

function stop() {
  server.close().finally(() => process.exit(0));
}

server.run().then(
  ({ port }) => process.send({ port }),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
process.on('SIGTERM', stop);
process.on('disconnect', stop);
