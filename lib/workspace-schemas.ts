// The shape of a workspace name, wherever one is typed (sign-up, Create workspace, General).
import { expects } from "@/lib/field-messages";
import { text } from "@/lib/text";

export const WORKSPACE_NAME_MAX = 64;

export const workspaceNameSchema = text(expects("Workspace name", "a name such as Acme"))
  .trim()
  .min(1, "Name your workspace.")
  .max(WORKSPACE_NAME_MAX, `Workspace names can be ${WORKSPACE_NAME_MAX} characters at most.`);
