// Fan-out of key changes to every server instance: the transaction that disables, enables or
// revokes a key sends NOTIFY (delivered on commit), and each server LISTENs and evicts the
// key from its cache, well within the one second the README promises.
import type { Sql } from "postgres";
import type { KeyCache } from "./cache";

export const KEY_CHANGED_CHANNEL = "switchboard_api_key_changed";

/** `onChange`: anything else that depends on keys (the origins of public keys, say). */
export async function listenForKeyChanges(sql: Sql, cache: KeyCache, onChange: () => void = () => {}) {
  return sql.listen(
    KEY_CHANGED_CHANNEL,
    (hash) => {
      cache.invalidate(hash);
      onChange();
    },
    // Called on every (re)connect: notifications sent while we were disconnected are lost,
    // so start from an empty cache.
    () => {
      cache.clear();
      onChange();
    },
  );
}
