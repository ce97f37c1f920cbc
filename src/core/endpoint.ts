/** "addr:port": how the trace and the network name an endpoint. */
export function endpoint(addr: string, port: number): string {
  return `${addr}:${port}`;
}
