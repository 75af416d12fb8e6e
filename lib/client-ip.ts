// server.ts writes the client's address into this request header (overwriting anything a
// client sent), so that sign-in throttling in Next can read it.
export const CLIENT_IP_HEADER = "x-switchboard-client-ip";
