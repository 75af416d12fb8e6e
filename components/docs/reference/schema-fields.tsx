// A schema's fields as a list: name, type in words, required or not, description, and the fields
// of nested objects below their parent (three levels at most; the schemas are shallow).
import { resolve, typeLabel, type OpenApiDocument, type Schema } from "@/lib/docs/openapi";
import { InlineMarkdown } from "../markdown";

const MAX_DEPTH = 3;

/** The object a field holds (itself, an array's items, or the non-null side of "X or null"), if any. */
function nestedObject(document: OpenApiDocument, schema: Schema): Schema | null {
  const resolved = resolve(document, schema);
  if (resolved.properties) return resolved;
  if (resolved.items) return nestedObject(document, resolved.items);
  const variants = resolved.anyOf ?? resolved.oneOf;
  const objects = variants?.map((variant) => nestedObject(document, variant)).filter((variant) => variant !== null) ?? [];
  return objects.length === 1 ? objects[0]! : null;
}

export function SchemaFields({ document, schema, depth = 0 }: { document: OpenApiDocument; schema: Schema; depth?: number }) {
  const object = nestedObject(document, schema);
  if (!object?.properties) return <p className="text-sm text-zinc-700">{typeLabel(document, schema)}</p>;
  const required = new Set(object.required ?? []);
  return (
    <ul className={depth === 0 ? "divide-y divide-zinc-100 rounded-md border border-zinc-200" : "mt-2 space-y-2 border-l-2 border-zinc-200 pl-3"}>
      {Object.entries(object.properties).map(([name, property]) => {
        const resolved = resolve(document, property);
        const nested = depth < MAX_DEPTH ? nestedObject(document, property) : null;
        const description = property.description ?? resolved.description;
        return (
          <li key={name} className={depth === 0 ? "px-3 py-2.5" : ""}>
            <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
              <code className="font-mono font-semibold text-zinc-900">{name}</code>
              <span className="text-zinc-600">{typeLabel(document, property)}</span>
              {required.has(name) ? <span className="text-xs font-medium text-red-700">required</span> : null}
            </p>
            {description ? (
              <p className="mt-0.5 text-sm text-zinc-700">
                <InlineMarkdown source={description} />
              </p>
            ) : null}
            {nested ? <SchemaFields document={document} schema={nested} depth={depth + 1} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
