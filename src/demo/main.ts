import { runEchoDemo } from "./echo-demo.js";

// `npm run demo`: the echo demo's trace, in virtual time.
const seedArg = process.argv.find((a) => a.startsWith("--seed="));
const seed = seedArg ? Number(seedArg.slice("--seed=".length)) : 1;
const sim = runEchoDemo(seed);
process.stdout.write(`renoise-sim demo — echo server, 3 simulated clients, seed ${seed}\n\n`);
process.stdout.write(sim.formatTrace() + "\n\n");
process.stdout.write(`finished at ${sim.now} ms of virtual time, ${sim.events.length} trace events\n`);
sim.dispose();
