// One operation of the API reference: what it does, its parameters, its body, its answers (the
// success with its fields and an example, every error with its code) and a curl line to copy.
import { exampleOf, resolve, resolveParameter, typeLabel, type OpenApiDocument, type OperationEntry, type Parameter, type Response } from "@/lib/docs/openapi";
import { InlineMarkdown, Markdown } from "../markdown";
import { SchemaFields } from "./schema-fields";

const METHOD_LOOKS: Record<string, string> = {
  get: "bg-emerald-50 text-emerald-800",
  post: "bg-blue-50 text-blue-800",
  patch: "bg-amber-50 text-amber-900",
  put: "bg-amber-50 text-amber-900",
  delete: "bg-red-50 text-red-800",
};

export function MethodBadge({ method }: { method: string }) {
  return <span className={`rounded px-1.5 py-0.5 font-mono text-xs font-semibold uppercase ${METHOD_LOOKS[method] ?? ""}`}>{method}</span>;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

export function OperationSection({ document, entry }: { document: OpenApiDocument; entry: OperationEntry }) {
  const { method, path, operation, anchor } = entry;
  const parameters = (operation.parameters ?? []).map((parameter) => resolveParameter(document, parameter));
  const body = operation.requestBody?.content?.["application/json"];
  const bodyExample = body?.schema ? (body.example ?? exampleOf(document, body.schema)) : undefined;
  const responses = Object.entries(operation.responses);
  const successes = responses.filter(([status]) => status.startsWith("2"));
  const errors = responses.filter(([status]) => !status.startsWith("2"));
  const open = operation.security?.length === 0;
  return (
    <section id={anchor} aria-labelledby={`${anchor}-title`} className="scroll-mt-20 border-t border-zinc-200 py-10">
      <h3 id={`${anchor}-title`} className="text-lg font-semibold">
        {operation.summary}
      </h3>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <MethodBadge method={method} />
        <code className="font-mono text-sm break-all">{path}</code>
        {open ? <span className="text-xs text-zinc-600">(no key needed)</span> : null}
      </p>
      {operation.description ? <Markdown source={operation.description} className="mt-4" /> : null}

      {parameters.length > 0 ? (
        <>
          <h4 className="mt-6 text-sm font-semibold">Parameters</h4>
          <div className="docs-table mt-2" role="region" aria-label={`Parameters of ${operation.summary}`} tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">In</th>
                  <th scope="col">Type</th>
                  <th scope="col">Description</th>
                </tr>
              </thead>
              <tbody>
                {parameters.map((parameter) => (
                  <tr key={`${parameter.in}-${parameter.name}`}>
                    <td>
                      <code className="font-mono text-[13px] font-semibold">{parameter.name}</code>
                      {parameter.required ? <span className="ml-1 text-xs font-medium text-red-700">required</span> : null}
                    </td>
                    <td>{parameter.in}</td>
                    <td>{parameter.schema ? typeLabel(document, parameter.schema) : "string"}</td>
                    <td>{parameterDescription(parameter) ? <InlineMarkdown source={parameterDescription(parameter)!} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {body?.schema ? (
        <>
          <h4 className="mt-6 text-sm font-semibold">
            Body{operation.requestBody?.description ? <span className="font-normal text-zinc-600">: {operation.requestBody.description}</span> : null}
          </h4>
          <div className="mt-2">
            <SchemaFields document={document} schema={body.schema} />
          </div>
        </>
      ) : null}

      <h4 className="mt-6 text-sm font-semibold">Example</h4>
      <pre className="mt-2 overflow-x-auto rounded-md bg-zinc-900 p-4 font-mono text-[13px] leading-6 text-zinc-100" tabIndex={0} aria-label={`curl example: ${operation.summary}`}>
        {curlExample(method, path, bodyExample, open)}
      </pre>

      {successes.map(([status, response]) => {
        const media = response.content?.["application/json"];
        return (
          <div key={status}>
            <h4 className="mt-6 text-sm font-semibold">
              {status} <span className="font-normal text-zinc-600">{response.description}</span>
            </h4>
            {media?.schema && resolve(document, media.schema).properties ? (
              <>
                <div className="mt-2">
                  <SchemaFields document={document} schema={media.schema} />
                </div>
                <pre className="mt-2 max-h-80 overflow-auto rounded-md bg-zinc-900 p-4 font-mono text-[13px] leading-6 text-zinc-100" tabIndex={0} aria-label={`Example response ${status}`}>
                  {json(media.example ?? exampleOf(document, media.schema))}
                </pre>
              </>
            ) : null}
          </div>
        );
      })}

      {errors.length > 0 ? (
        <>
          <h4 className="mt-6 text-sm font-semibold">Errors</h4>
          {/* One line each; what every code means and its hints are in "Errors" above. */}
          <ul className="mt-2 space-y-1 text-sm text-zinc-700">
            {errors.map(([status, response]) => (
              <li key={status}>
                <span className="font-mono font-semibold text-zinc-900">{status}</span> {errorCode(response)}
                <InlineMarkdown source={response.description} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** The envelope's `code` of an error answer, from its example: "`invalid_request`: ". */
function errorCode(response: Response) {
  const example = response.content?.["application/json"]?.example as { error?: { code?: string } } | undefined;
  return example?.error?.code ? (
    <>
      <code className="font-mono text-[13px]">{example.error.code}</code>:{" "}
    </>
  ) : null;
}

const parameterDescription = (parameter: Parameter) => parameter.description ?? parameter.schema?.description;

/** A curl line for the operation, with the key from the environment (never typed into a shell history). */
function curlExample(method: string, path: string, body: unknown, open: boolean): string {
  const lines = [`curl${method === "get" ? "" : ` -X ${method.toUpperCase()}`} "$SWITCHBOARD_URL${path}"`];
  if (!open) lines.push(`  -H "X-API-Key: $SWITCHBOARD_API_KEY"`);
  if (body !== undefined) lines.push(`  -H "Content-Type: application/json"`, `  -d '${JSON.stringify(body)}'`);
  return lines.join(" \\\n");
}
