/**
 * What to tell an operator whose port is taken. On Linux, outgoing connections (the
 * gateway's own to the registries among them) take their local ports from the ephemeral
 * range (`net.ipv4.ip_local_port_range`, 32768–60999 by default): a fixed port inside it can
 * be held by one of them while nothing listens on it, and the start fails as "in use" for a
 * reason `ss -ltn` does not show.
 */
import { readFileSync } from 'node:fs';

/** A listen error for an address that is taken, as Node reports it (with the address and port). */
export interface AddressInUseError { code: 'EADDRINUSE'; address?: string; port?: number }

export function isAddressInUse(err: unknown): err is AddressInUseError {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'EADDRINUSE';
}

/** This machine's ephemeral port range, where the system says (Linux); otherwise null. */
export function ephemeralPortRange(read: () => string = () => readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')): [number, number] | null {
  let text: string;
  try {
    text = read();
  } catch {
    return null;
  }
  const [low, high] = text.trim().split(/\s+/).map(Number);
  return Number.isInteger(low) && Number.isInteger(high) && low! <= high! ? [low!, high!] : null;
}

/**
 * "host:port is already in use; <advice>", and when the port is in the ephemeral range,
 * that the other port should be below it, and why.
 */
export function addressInUseMessage(address: string, port: number, advice: string, range: [number, number] | null = ephemeralPortRange()): string {
  const taken = `${address}:${port} is already in use; ${advice}`;
  if (range === null || port < range[0] || port > range[1]) return taken;
  return `${taken}, below ${range[0]}: ${port} is in this machine's ephemeral port range (${range[0]}-${range[1]}), from which outgoing connections take their local ports, so one of them can hold it while nothing listens on it`;
}
