// How an actor is named where a row keeps who made it ("created by").
import type { Actor } from "./actor";

export function actorColumns(actor: Actor): { type: string; id: string | null; label: string } {
  switch (actor.type) {
    case "user":
      return { type: "user", id: actor.id, label: actor.email };
    case "api_key":
      return { type: "api_key", id: actor.id, label: actor.name };
    case "system":
      return { type: "system", id: null, label: actor.name };
    case "anonymous":
      return { type: "anonymous", id: null, label: "unknown" };
  }
}
