// npm run simulate -- --hours 8 --dealer-rate 120 --subscriber-rate 60 --operators 5 --capacity 3
// Drives the app's tRPC procedures with simulated dealers and operators on a virtual clock
// (simulation/) and compares the measured service level with the Erlang C prediction.
// The last line printed is one JSON object (see SimulationReport).
import fs from 'node:fs';
import { DEFAULT_SIMULATION, simulate, type SimulationOptions } from '../simulation/simulate';

type NumberFlag = Exclude<keyof SimulationOptions, 'dbFile' | 'start'>;

const FLAGS: Record<string, { key: NumberFlag; integer?: boolean; min: number; max: number; help: string }> = {
  '--hours': { key: 'hours', min: 0.01, max: 24 * 31, help: 'simulated hours of arrivals' },
  '--arrivals-per-hour': { key: 'arrivalsPerHour', min: 0, max: 100_000, help: 'mean dealer chats per hour (Poisson)' },
  '--dealer-rate': { key: 'arrivalsPerHour', min: 0, max: 100_000, help: 'the same: mean dealer chats per hour' },
  '--subscriber-rate': { key: 'subscriberArrivalsPerHour', min: 0, max: 100_000, help: 'mean subscriber (widget) chats per hour (Poisson; 0: none)' },
  '--subscriber-aht-s': { key: 'subscriberAhtSeconds', min: 0, max: 86_400, help: 'mean handle time of a subscriber chat, s (0: as --aht-s)' },
  '--dealer-target-s': { key: 'dealerTargetSeconds', min: 1, max: 3600, help: 'service-level target of dealer chats, s' },
  '--subscriber-target-s': { key: 'subscriberTargetSeconds', min: 1, max: 3600, help: 'service-level target of subscriber chats, s' },
  '--operators': { key: 'operators', integer: true, min: 1, max: 500, help: 'operators on shift' },
  '--capacity': { key: 'capacity', integer: true, min: 1, max: 10, help: 'chats at once per operator (1–10)' },
  '--aht-s': { key: 'ahtSeconds', min: 1, max: 86_400, help: 'mean handle time, s (exponential)' },
  '--threshold-s': { key: 'thresholdSeconds', integer: true, min: 1, max: 3600, help: 'service-level threshold, s' },
  // 1.5 × 6 s stays under the 10 s offer time-out; slower operators would miss offers, and a chat
  // every operator has missed is offered to nobody again (routing skips them for it).
  '--reaction-s': { key: 'reactionSeconds', min: 0, max: 6, help: 'mean time to accept an offer, s (uniform 0.5–1.5 × this)' },
  '--patience-s': { key: 'patienceSeconds', min: 0, max: 86_400, help: 'mean patience of a waiting dealer, s (0: nobody abandons)' },
  '--seed': { key: 'seed', integer: true, min: 0, max: 2 ** 31 - 1, help: 'seed of the random draws' },
};

function usage(): string {
  const lines = Object.entries(FLAGS).map(([flag, f]) => `  ${flag.padEnd(20)} ${f.help} (default ${DEFAULT_SIMULATION[f.key]})`);
  return ['Usage: npm run simulate -- [flags]', ...lines, `  ${'--db <file>'.padEnd(20)} keep the database in this new file`].join('\n');
}

function fail(message: string): never {
  console.error(`simulate: ${message}\n\n${usage()}`);
  process.exit(2);
}

function parse(argv: string[]): SimulationOptions {
  const options: SimulationOptions = { ...DEFAULT_SIMULATION };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      console.log(usage());
      process.exit(0);
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = inline ?? argv[i + 1];
    if (inline === undefined) i += 1;
    if (flag === '--db') {
      if (!value || value.startsWith('--')) fail('--db needs a file name');
      if (fs.existsSync(value)) fail(`${value} already exists: the simulation needs a fresh database`);
      options.dbFile = value;
      continue;
    }
    const spec = FLAGS[flag];
    if (!spec) fail(`unknown flag ${JSON.stringify(arg)}`);
    if (value === undefined || value.trim() === '' || value.startsWith('--')) fail(`${flag} needs a value`);
    const number = Number(value);
    if (!Number.isFinite(number)) fail(`${flag} must be a number, not ${JSON.stringify(value)}`);
    if (spec.integer && !Number.isInteger(number)) fail(`${flag} must be a whole number, not ${value}`);
    if (number < spec.min || number > spec.max) fail(`${flag} must be between ${spec.min} and ${spec.max}, not ${value}`);
    options[spec.key] = number;
  }
  return options;
}

const options = parse(process.argv.slice(2));
if (options.arrivalsPerHour + options.subscriberArrivalsPerHour <= 0) fail('no chats arrive: give --dealer-rate or --subscriber-rate above 0');
const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
const secs = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} s`);

try {
  const r = await simulate(options);
  console.log(
    [
      `Simulated ${r.hours} h: ${r.chats} chats (${r.measured_arrivals_per_hour}/h; configured ${r.arrivals_per_hour}/h), ${r.operators} operators × ${r.capacity} = ${r.agents} agents, ` +
        `traffic ${r.traffic_erlangs} Erlangs, mean handle ${r.aht_s} s (measured ${secs(r.measured_aht_s)}), reaction ${r.reaction_s} s, patience ${r.patience_s ? `${r.patience_s} s` : 'off'}, seed ${r.seed}.`,
      `                      measured   Erlang C (configured load)   Erlang C (measured load)`,
      `  service level ≤${String(r.threshold_s).padEnd(3)}s ${percent(r.measured_sl).padStart(9)}   ${percent(r.predicted_sl).padStart(9)}                    ${percent(r.predicted_sl_measured_inputs).padStart(9)}`,
      `  avg speed of answer ${secs(r.measured_asa_s).padStart(9)}   ${secs(r.predicted_asa_s).padStart(9)}                    ${secs(r.predicted_asa_s_measured_inputs).padStart(9)}`,
      `  until offered (no reaction time): service level ${percent(r.offered_sl)}, mean ${secs(r.offered_asa_s)}; wait p90 ${secs(r.wait_p90_s)}, p99 ${secs(r.wait_p99_s)}`,
      `  answered ${r.answered}, abandoned ${r.abandoned}, ratings ${r.ratings} (CSAT ${r.csat ?? '—'}), missed offers ${r.missed_offers}, presence lost ${r.presence_lost}`,
      `  ${r.procedure_calls} procedure calls, ${r.events} events in ${r.sim_seconds} s; ${r.wall_seconds} s in all (database, users, run)`,
    ].join('\n'),
  );
  const k = r.classes;
  const classLine = (name: string, c: typeof k.dealer) =>
    `  ${name.padEnd(11)} ${String(c.chats).padStart(6)} ${String(c.arrivals_per_hour).padStart(8)}/h ${`${c.aht_s} s`.padStart(8)} ${`${c.target_s} s`.padStart(8)} ${percent(c.measured_sl).padStart(9)} ${percent(c.predicted_sl).padStart(9)} ${secs(c.measured_asa_s).padStart(9)}`;
  console.log(
    [
      `Per class (each against its own target; prediction: pooled Erlang C at the arrival-weighted mean target):`,
      `  class         chats   arrivals      AHT   target  measured predicted  avg wait`,
      classLine('dealer', k.dealer),
      classLine('subscriber', k.subscriber),
      classLine('combined', k.combined),
    ].join('\n'),
  );
  console.log(JSON.stringify(r));
} catch (error) {
  console.error(error);
  process.exit(1);
}
