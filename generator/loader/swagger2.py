"""Swagger 2.0 -> OpenAPI 3.0.3, on plain data, with a map back to the source.

Contract:
- ``convert(doc, resolve)`` returns a new OpenAPI 3.0 document; the input is
  not modified.  Only structure changes; names, order and vendor extensions
  are kept, so the rest of the generator never sees Swagger.
- ``Converted.origins`` maps a pointer of the new document to the qualified
  pointer (``#/...`` or ``file#/...``) of the Swagger node it came from, at
  every place where the two differ; below such a place, paths agree (see
  ``Workspace.locate``).
- Files reached through ``$ref`` keep their structure: ``fix_keywords``
  rewrites their Swagger-only schema keywords in place.  A parameter or
  response that lives in another file is inlined, because its shape changes.
"""

from __future__ import annotations

from typing import Any, Callable

from msgspec import Struct, field

from generator.diagnostics import SpecError

Resolve = Callable[[str, str], tuple[object, str]]
"""``(ref, at)`` -> (target node, its qualified pointer); raises ``SpecError``."""
Located = tuple[dict[str, Any], str]
"""A body or formData parameter and the qualified pointer it was read at."""

METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
_FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
_JSON = ["application/json"]
# Keywords of a Swagger parameter or header that belong to its schema in 3.0.
_SCHEMA_KEYS = ("type", "format", "items", "default", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
                "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "enum", "multipleOf",
                "x-nullable", "nullable")
_PARAM_KEYS = ("name", "in", "description", "required", "deprecated")
# collectionFormat -> (style, explode); None: the location's own style.
_COLLECTION = {"csv": (None, False), "ssv": ("spaceDelimited", False), "pipes": ("pipeDelimited", False),
               "multi": ("form", True)}
_LOCATION_STYLE = {"query": "form", "cookie": "form", "path": "simple", "header": "simple"}
_FLOWS = {"implicit": ("implicit", ("authorizationUrl",)), "password": ("password", ("tokenUrl",)),
          "application": ("clientCredentials", ("tokenUrl",)),
          "accessCode": ("authorizationCode", ("authorizationUrl", "tokenUrl"))}
# Local $ref prefixes that move; other files keep their structure.
_MOVED = (("#/definitions/", "#/components/schemas/"), ("#/parameters/", "#/components/parameters/"),
          ("#/responses/", "#/components/responses/"))


def is_swagger2(doc: object) -> bool:
    return isinstance(doc, dict) and "openapi" not in doc and str(doc.get("swagger")) == "2.0"


class Converted(Struct):
    doc: dict[str, Any]
    origins: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    """Rewritten ``$ref`` -> the ``$ref`` as written, for messages."""
    notes: list[tuple[str, str]] = field(default_factory=list)
    """(message, new pointer) of constructs that 3.0 can only approximate."""


def convert(doc: dict[str, Any], resolve: Resolve) -> Converted:
    return _Converter(doc, resolve).run()


def esc(token: object) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


class _Converter:
    def __init__(self, doc: dict[str, Any], resolve: Resolve) -> None:
        self.src = doc
        self.resolve = resolve
        self.out = Converted({})
        self.consumes = _strings(doc.get("consumes")) or _JSON
        self.produces = _strings(doc.get("produces")) or _JSON

    def moved(self, new: str, old: str) -> None:
        if new != old:
            self.out.origins[new] = old

    def run(self) -> Converted:
        doc, src = self.out.doc, self.src
        doc["openapi"] = "3.0.3"
        self.moved("#/openapi", "#/swagger")
        for key, value in src.items():
            if key in ("swagger", "host", "basePath", "schemes", "consumes", "produces", "definitions",
                       "parameters", "responses", "securityDefinitions"):
                continue
            doc[key] = self.paths(value) if key == "paths" else value
            if key == "info":
                self.servers()  # where a 3.0 document has them
        if "info" not in src:
            self.servers()
        components = self.components()
        if components:
            doc["components"] = components
        return self.out

    # ----------------------------------------------------------- document

    def servers(self) -> None:
        host, base = self.src.get("host"), str(self.src.get("basePath") or "").rstrip("/")
        if host:
            urls = [f"{scheme}://{host}{base}" for scheme in _strings(self.src.get("schemes")) or ["https"]]
        elif base:
            urls = [base]
        else:
            return
        self.out.doc["servers"] = [{"url": url} for url in urls]
        self.moved("#/servers", "#/host" if host else "#/basePath")

    def components(self) -> dict[str, Any]:
        src, comp = self.src, {}
        if isinstance(src.get("definitions"), dict):
            comp["schemas"] = {name: self.schema(s, f"#/components/schemas/{esc(name)}", f"#/definitions/{esc(name)}")
                               for name, s in src["definitions"].items()}
            self.moved("#/components/schemas", "#/definitions")
        params = {name: p for name, p in _mapping(src.get("parameters")).items()
                  if not (isinstance(p, dict) and p.get("in") in ("body", "formData"))}  # inlined where used
        if params:
            comp["parameters"] = {name: self.parameter(p, f"#/components/parameters/{esc(name)}",
                                                       f"#/parameters/{esc(name)}") for name, p in params.items()}
            self.moved("#/components/parameters", "#/parameters")
        if isinstance(src.get("responses"), dict):
            comp["responses"] = {str(name): self.response(r, f"#/components/responses/{esc(name)}",
                                                          f"#/responses/{esc(name)}", self.produces)
                                 for name, r in src["responses"].items()}
            self.moved("#/components/responses", "#/responses")
        if isinstance(src.get("securityDefinitions"), dict):
            comp["securitySchemes"] = {name: _security_scheme(s) for name, s in src["securityDefinitions"].items()}
            self.moved("#/components/securitySchemes", "#/securityDefinitions")
        return comp

    # -------------------------------------------------------------- paths

    def paths(self, paths: object) -> object:
        if not isinstance(paths, dict):
            return paths
        out: dict[str, Any] = {}
        for path, item in paths.items():
            ptr = f"#/paths/{esc(path)}"
            if not isinstance(item, dict):
                out[path] = item
                continue
            shared = self.param_list(item.get("parameters"), ptr)
            new: dict[str, Any] = {}
            for key, value in item.items():
                if key == "parameters":
                    if shared[0]:
                        new[key] = self.place_params(shared[0], f"{ptr}/parameters")
                elif key in METHODS and isinstance(value, dict):
                    new[key] = self.operation(value, f"{ptr}/{key}", shared[1])
                else:
                    new[key] = value
            out[path] = new
        return out

    def operation(self, op: dict[str, Any], ptr: str, shared_bodies: list[Located]) -> object:
        params, bodies = self.param_list(op.get("parameters"), ptr)
        own = {(p.get("name"), p.get("in")) for p, _ in bodies}
        bodies = [b for b in shared_bodies if (b[0].get("name"), b[0].get("in")) not in own] + bodies
        consumes = _strings(op.get("consumes")) or self.consumes
        produces = _strings(op.get("produces")) or self.produces
        out: dict[str, Any] = {}
        for key, value in op.items():
            if key in ("consumes", "produces", "schemes"):
                continue
            if key == "parameters":
                if params:
                    out[key] = self.place_params(params, f"{ptr}/parameters")
            elif key == "responses" and isinstance(value, dict):
                out[key] = {str(code): self.response(r, f"{ptr}/responses/{esc(code)}",
                                                     f"{ptr}/responses/{esc(code)}", produces)
                            for code, r in value.items()}
            else:
                out[key] = value
        if bodies:
            body = self.request_body(bodies, f"{ptr}/requestBody", consumes)
            out = _insert_before(out, "responses", "requestBody", body)
        return out

    # --------------------------------------------------------- parameters

    def param_list(self, raw: object, owner: str) -> tuple[list[tuple[object, str]], list[Located]]:
        """Split a parameter list into (parameters as written, with their source
        pointers) and body/formData parameters (resolved: they move into the body)."""
        params: list[tuple[object, str]] = []
        bodies: list[Located] = []
        for i, p in enumerate(raw if isinstance(raw, list) else []):
            old = f"{owner}/parameters/{i}"
            node, where = self.peek(p, old)
            if isinstance(node, dict) and node.get("in") in ("body", "formData"):
                bodies.append((node, where))
            else:
                params.append((p, old))
        return params, bodies

    def peek(self, node: object, at: str) -> tuple[object, str]:
        """A ``$ref``'s target when it can be read, else the node itself."""
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            return node, at
        try:
            return self.resolve(node["$ref"], at)
        except SpecError:
            return node, at  # left for normalize to report where it is used

    def place_params(self, params: list[tuple[object, str]], new_list: str) -> list[object]:
        out: list[object] = []
        for i, (p, old) in enumerate(params):
            new = f"{new_list}/{i}"
            if isinstance(p, dict) and isinstance(p.get("$ref"), str) and p["$ref"].partition("#")[0]:
                node, where = self.peek(p, old)  # another file: inline, its shape changes
                out.append(self.parameter(node, new, where, base=where.partition("#")[0]) if node is not p else p)
            else:
                out.append(self.parameter(p, new, old))
        return out

    def parameter(self, p: object, new: str, old: str, base: str = "") -> object:
        self.moved(new, old)
        if not isinstance(p, dict):
            return p
        if "$ref" in p:
            return {**p, "$ref": self.ref(str(p["$ref"]), base)}
        out: dict[str, Any] = {k: p[k] for k in (*_PARAM_KEYS, "allowEmptyValue") if k in p}
        out.update({k: v for k, v in p.items() if k.startswith("x-") and k not in ("x-nullable", "x-example")})
        if "x-example" in p:
            out["example"] = p["x-example"]
        out["schema"] = self.schema({k: p[k] for k in _SCHEMA_KEYS if k in p}, f"{new}/schema", old, base)
        self.moved(f"{new}/schema", old)
        if p.get("type") == "array":
            out.update(self.collection(p, new, old))
        return out

    def collection(self, p: dict[str, Any], new: str, old: str) -> dict[str, Any]:
        fmt = str(p.get("collectionFormat", "csv"))
        where = str(p.get("in"))
        if fmt not in _COLLECTION:
            self.out.notes.append((f"collectionFormat {fmt!r} has no OpenAPI 3 equivalent; sent as csv", new))
            fmt = "csv"
        style, explode = _COLLECTION[fmt]
        self.moved(f"{new}/style", f"{old}/collectionFormat")
        self.moved(f"{new}/explode", f"{old}/collectionFormat")
        return {"style": style or _LOCATION_STYLE.get(where, "form"), "explode": explode}

    # ------------------------------------------------------------- bodies

    def request_body(self, bodies: list[Located], new: str, consumes: list[str]) -> object:
        body = [(p, old) for p, old in bodies if p.get("in") == "body"]
        form = [(p, old) for p, old in bodies if p.get("in") == "formData"]
        if body:
            p, old = body[-1]
            if len(body) > 1 or form:
                self.out.notes.append(("more than one body parameter; the last one is the request body", new))
            self.moved(new, old)
            base = old.partition("#")[0]
            out: dict[str, Any] = {k: p[k] for k in ("description", "required") if k in p}
            out["content"] = {}
            for ctype in consumes:
                sptr = f"{new}/content/{esc(ctype)}/schema"
                out["content"][ctype] = {"schema": self.schema(p.get("schema", {}), sptr, f"{old}/schema", base)}
                self.moved(sptr, f"{old}/schema")
            out.update({k: v for k, v in p.items() if k.startswith("x-")})
            out["x-codegen-request-body-name"] = p.get("name")
            return out
        return self.form_body(form, new, consumes)

    def form_body(self, form: list[Located], new: str, consumes: list[str]) -> object:
        self.moved(new, form[0][1])
        has_file = any(p.get("type") == "file" for p, _ in form)
        ctypes = [c for c in consumes if c in _FORM_TYPES] or [_FORM_TYPES[0] if has_file else _FORM_TYPES[1]]
        content: dict[str, Any] = {}
        for ctype in ctypes:
            sptr = f"{new}/content/{esc(ctype)}/schema"
            props: dict[str, Any] = {}
            encoding: dict[str, Any] = {}
            for p, old in form:
                name = str(p.get("name"))
                prop = self.schema({k: p[k] for k in _SCHEMA_KEYS if k in p}, f"{sptr}/properties/{esc(name)}", old,
                                   old.partition("#")[0])
                if isinstance(p.get("description"), str):
                    prop["description"] = p["description"]
                props[name] = prop
                self.moved(f"{sptr}/properties/{esc(name)}", old)
                if p.get("type") == "array" and ctype == _FORM_TYPES[1]:
                    encoding[name] = self.collection(p, f"{new}/content/{esc(ctype)}/encoding/{esc(name)}", old)
            schema: dict[str, Any] = {"type": "object", "properties": props}
            required = [str(p.get("name")) for p, _ in form if p.get("required") is True]
            if required:
                schema["required"] = required
            content[ctype] = {"schema": schema, **({"encoding": encoding} if encoding else {})}
        return {"content": content, **({"required": True} if any(p.get("required") for p, _ in form) else {})}

    def response(self, r: object, new: str, old: str, produces: list[str]) -> object:
        self.moved(new, old)
        if isinstance(r, dict) and isinstance(r.get("$ref"), str) and r["$ref"].partition("#")[0]:
            node, where = self.peek(r, old)  # another file: inline, its shape changes
            if node is not r:
                return self.response(node, new, where, produces)
        if not isinstance(r, dict):
            return r
        base = old.partition("#")[0]
        if "$ref" in r:
            return {**r, "$ref": self.ref(str(r["$ref"]), base)}
        out: dict[str, Any] = {"description": r.get("description", "")}
        if "schema" in r:
            examples = _mapping(r.get("examples"))
            out["content"] = {}
            for ctype in produces:
                sptr = f"{new}/content/{esc(ctype)}/schema"
                media: dict[str, Any] = {"schema": self.schema(r["schema"], sptr, f"{old}/schema", base)}
                if ctype in examples:
                    media["example"] = examples[ctype]
                out["content"][ctype] = media
                self.moved(sptr, f"{old}/schema")
        if isinstance(r.get("headers"), dict):
            out["headers"] = {name: self.header(h, f"{new}/headers/{esc(name)}", f"{old}/headers/{esc(name)}", base)
                              for name, h in r["headers"].items()}
        out.update({k: v for k, v in r.items() if k.startswith("x-")})
        return out

    def header(self, h: object, new: str, old: str, base: str) -> object:
        if not isinstance(h, dict):
            return h
        out: dict[str, Any] = {k: h[k] for k in ("description",) if k in h}
        out["schema"] = self.schema({k: h[k] for k in _SCHEMA_KEYS if k in h}, f"{new}/schema", old, base)
        self.moved(f"{new}/schema", old)
        return out

    # ------------------------------------------------------------ schemas

    def schema(self, node: object, new: str, old: str, base: str = "") -> Any:
        """A Swagger schema as a 3.0 schema; ``base`` is the file it was read
        from ("" for the root), whose same-file ``$ref``s must be qualified.
        Keywords keep their paths, so only renamed ones need an origin."""
        if not isinstance(node, dict):
            return node
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                out[key] = self.ref(value, base)
            elif key in ("properties", "patternProperties") and isinstance(value, dict):
                out[key] = {name: self.schema(s, f"{new}/{key}/{esc(name)}", f"{old}/{key}/{esc(name)}", base)
                            for name, s in value.items()}
            elif key in ("items", "additionalProperties", "not") and isinstance(value, dict):
                out[key] = self.schema(value, f"{new}/{key}", f"{old}/{key}", base)
            elif key in ("allOf", "anyOf", "oneOf", "items") and isinstance(value, list):
                out[key] = [self.schema(s, f"{new}/{key}/{i}", f"{old}/{key}/{i}", base) for i, s in enumerate(value)]
            elif key != "collectionFormat":
                _keyword(out, key, value)
                if key == "x-nullable":
                    self.moved(f"{new}/nullable", f"{old}/x-nullable")
        return out

    def ref(self, ref: str, base: str) -> str:
        file, _, local = ref.partition("#")
        if base:  # inlined from another file: keep pointing into that file
            return _join(base, file) + "#" + local if file else f"{base}#{local}"
        if file:
            return ref
        for old, new in _MOVED:
            if ref.startswith(old):
                self.out.aliases[new + ref[len(old):]] = ref
                return new + ref[len(old):]
        return ref


def _keyword(out: dict[str, Any], key: str, value: object) -> None:
    """One schema keyword, translated when Swagger spells it differently."""
    if key == "x-nullable":
        out["nullable"] = value
    elif key == "type" and value == "file":
        out["type"] = "string"
        out.setdefault("format", "binary")
    elif key == "discriminator" and isinstance(value, str):
        out[key] = {"propertyName": value}
    else:
        out[key] = value


def fix_keywords(node: object) -> None:
    """Rewrite Swagger-only schema keywords in place, in a file reached by
    ``$ref`` from a Swagger document (its structure is left as it is)."""
    if isinstance(node, list):
        for item in node:
            fix_keywords(item)
    elif isinstance(node, dict):
        if "x-nullable" in node or node.get("type") == "file" or isinstance(node.get("discriminator"), str):
            fixed: dict[str, Any] = {}
            for key, value in node.items():
                _keyword(fixed, key, value)
            node.clear()
            node.update(fixed)
        for value in node.values():
            if not isinstance(value, str):
                fix_keywords(value)


def _security_scheme(s: object) -> object:
    if not isinstance(s, dict):
        return s
    extra = {k: v for k, v in s.items() if k == "description" or k.startswith("x-")}
    kind = s.get("type")
    if kind == "basic":
        return {"type": "http", "scheme": "basic", **extra}
    if kind == "apiKey":
        return {"type": "apiKey", "name": s.get("name"), "in": s.get("in"), **extra}
    if kind == "oauth2" and str(s.get("flow")) in _FLOWS:
        name, urls = _FLOWS[str(s["flow"])]
        flow = {**{u: s.get(u) for u in urls}, "scopes": s.get("scopes") or {}}
        return {"type": "oauth2", "flows": {name: flow}, **extra}
    return s


def _join(base: str, file: str) -> str:
    """``file`` written in ``base`` (both relative to the root's folder)."""
    parts = base.split("/")[:-1] + file.split("/")
    out: list[str] = []
    for part in parts:
        if part == ".." and out and out[-1] != "..":
            out.pop()
        elif part not in ("", "."):
            out.append(part)
    return "/".join(out)


def _insert_before(mapping: dict[str, Any], before: str, key: str, value: object) -> dict[str, Any]:
    if before not in mapping:
        return {**mapping, key: value}
    out: dict[str, Any] = {}
    for k, v in mapping.items():
        if k == before:
            out[key] = value
        out[k] = v
    return out


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}

