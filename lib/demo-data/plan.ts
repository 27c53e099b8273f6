import type { SandboxMethod } from './sandbox-control';

/** What happens to one demo order at the sandbox. */
export type Scenario =
  | 'paid'
  | 'failed'
  /** A failed attempt, then a successful one. */
  | 'retried'
  | 'refunded'
  | 'partly_refunded'
  /** Failed, then authorised and captured late (Razorpay). */
  | 'late_authorised'
  /** Checkout opened, never paid. */
  | 'abandoned'
  /** Paid while no webhook reached us; repaired by a sync with the gateway. */
  | 'synced';

export interface PlannedOrder {
  scenario: Scenario;
  amount: number;
  receipt: string;
  notes: Record<string, string>;
  customer: { name: string; email: string; phone: string };
  method: SandboxMethod;
  /** The method of a first, failed attempt (retried). */
  failedMethod: SandboxMethod;
}

// Oldest first. Mostly paid, with each kind of trouble a shop meets in two weeks.
const SCENARIOS: Scenario[] = [
  'paid', 'paid', 'failed', 'paid', 'refunded', 'paid', 'abandoned', 'paid', 'paid', 'partly_refunded',
  'paid', 'retried', 'paid', 'failed', 'paid', 'paid', 'late_authorised', 'paid', 'refunded', 'paid',
  'paid', 'failed', 'paid', 'abandoned', 'paid', 'partly_refunded', 'paid', 'paid', 'synced', 'paid',
  'failed', 'paid', 'refunded', 'paid', 'retried', 'paid', 'paid', 'paid', 'paid',
];

const PRODUCTS: [string, number][] = [
  ['Masala chai, 250 g', 34_900],
  ['Darjeeling first flush, 100 g', 64_900],
  ['Brass tea strainer', 49_900],
  ['Assam breakfast, 500 g', 42_900],
  ['Gift box: six teas', 1_49_900],
  ['Clay kulhad cups, set of 6', 79_900],
  ['Nilgiri frost, 250 g', 38_900],
  ['Cast-iron kettle', 2_99_900],
  ['Kashmiri kahwa, 100 g', 54_900],
  ['Tea sampler', 19_900],
];

const CUSTOMERS = [
  'Asha Rao', 'Vikram Mehta', 'Priya Nair', 'Arjun Singh', 'Meera Iyer', 'Rohan Gupta',
  'Kavya Reddy', 'Siddharth Joshi', 'Ananya Das', 'Farhan Qureshi', 'Lakshmi Menon', 'Dev Patel',
];

const METHODS: SandboxMethod[] = ['upi', 'upi', 'upi', 'card', 'card', 'netbanking', 'wallet'];

/** The same demo every time: a small seeded generator (mulberry32), not the CSPRNG. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoPlan(seed = 8): PlannedOrder[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return SCENARIOS.map((scenario, index) => {
    const [product, price] = pick(PRODUCTS);
    const quantity = random() < 0.25 ? 2 : 1;
    const name = pick(CUSTOMERS);
    const handle = name.toLowerCase().replace(/[^a-z]+/g, '.');
    const phone = `9${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
    return {
      scenario,
      amount: price * quantity,
      receipt: `demo_${String(index + 1).padStart(4, '0')}`,
      notes: { product, quantity: String(quantity) },
      customer: { name, email: `${handle}@example.com`, phone },
      method: pick(METHODS),
      failedMethod: pick(METHODS),
    };
  });
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * `count` creation times over the last `days` days, oldest first, evenly paced with some jitter;
 * the newest a few minutes before `now`.
 */
export function spreadTimes(count: number, now: Date, days = 14, random = seededRandom(14)): Date[] {
  const span = days * DAY_MS - 30 * 60 * 1000;
  const start = now.getTime() - days * DAY_MS;
  return Array.from({ length: count }, (_, i) => new Date(start + ((i + 0.2 + 0.6 * random()) * span) / count));
}
