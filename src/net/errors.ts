/**
 * The error strings that expected socket failures return (Renoise's first
 * error channel). Only `TIMEOUT` and `DISCONNECTED` are fixed by Renoise; the
 * others are system-dependent there, so the simulation uses realistic texts
 * (as a POSIX system with boost::asio would print them) and exposes them here
 * so tests can compare against a constant instead of a literal.
 */
export const SocketErrors = {
  /** A receive (or a connect attempt) ran out of time. Fixed text in Renoise. */
  TIMEOUT: "timeout",
  /** The peer closed or reset the connection. Fixed text in Renoise. */
  DISCONNECTED: "disconnected",
  /** Name resolution failed. */
  HOST_NOT_FOUND: "Host not found (authoritative)",
  /** Nobody listens on that TCP port. */
  CONNECTION_REFUSED: "Connection refused",
  /** The TCP connection attempt got no answer within the connect timeout. */
  CONNECT_TIMEOUT: "Connection timed out",
  /** The port is already bound for that protocol on that host. */
  ADDRESS_IN_USE: "Address already in use",
  /** The address is not one of this host's addresses. */
  ADDRESS_NOT_AVAILABLE: "Cannot assign requested address",
  /** A UDP payload above the size limit. */
  MESSAGE_TOO_LONG: "Message too long",
  /** The peer reset the connection (seen by send). */
  CONNECTION_RESET: "Connection reset by peer",
} as const;

/** Largest UDP payload (IPv4: 65,535 − 8 byte UDP header − 20 byte IP header). */
export const MAX_UDP_PAYLOAD = 65507;
