"""The TypeScript models target: file plan, escaping, ``tsc --strict``, node.

The compile and runtime tests need node and npm; ``node_env`` installs
typescript and zod@3 once into ``.node-cache/`` and skips without them.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
from msgspec import structs
from hypothesis import given, strategies as st

import node_env
from generator import ir
from generator.config import Config, build, from_pyproject
from generator.diagnostics import Sink
from generator.loader import load
from generator.normalize import normalize
from generator.render.typescript import render
from generator.render.typescript.escape import is_identifier, jsdoc, ts_key, ts_literal, ts_object_key, ts_string
from generator.render.typescript.views import enum_key, module_stem, property_names
from generator.render.typescript.zod_flavor import ZodFlavor

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "specs" / "sessions.yaml"
NASTY = 'Ends */ here; "quotes" `tick` ${x} \\ back\nline two\u2028after LS, caf\u00e9 \u65e5\u672c'


# ---------------------------------------------------------------- fixtures


@lru_cache(maxsize=1)
def sessions() -> tuple[ir.Api, Config]:
    config = build(from_pyproject(ROOT / "pyproject.toml"))
    ws = load(SPEC)
    return normalize(ws, config, Sink(locator=ws.locate_all)), config


@pytest.fixture(scope="session")
def node_modules() -> Path:
    return node_env.node_modules()


def write_package(plan: dict[str, str], out: Path, modules: Path) -> Path:
    for rel, text in plan.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    package = out / "typescript"
    node_env.link_node_modules(package, modules)
    return package


def assert_tsc(package: Path, modules: Path, *args: str) -> None:
    done = node_env.tsc(package, modules, "--strict", *args)
    assert done.returncode == 0, done.stdout + done.stderr


def run_node(package: Path, script: str) -> None:
    (package / "check.mjs").write_text(script, encoding="utf-8")
    done = subprocess.run(["node", "check.mjs"], cwd=package, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


# ------------------------------------------------------------- file plan


def test_plan_layout() -> None:
    api, config = sessions()
    plan = render(api, config)
    assert all(p.startswith("typescript/") and ".." not in p for p in plan)
    assert not any(p.startswith("typescript/docs/") for p in plan)
    for model in api.models:
        stem = model.name.typescript.lower()
        assert f"typescript/src/models/{model.name.ts_namespace}/{stem}.ts" in plan
    for ns in ("components", "operations", "errors"):
        assert f"typescript/src/models/{ns}/index.ts" in plan
    assert 'export * from "./honoapierror.js";' in plan["typescript/src/models/errors/index.ts"]
    package = json.loads(plan["typescript/package.json"])
    assert (package["name"], package["version"]) == ("@orq-ai/node", config.version)
    assert package["dependencies"]["zod"].startswith("^3.")
    assert json.loads(plan["typescript/tsconfig.json"])["compilerOptions"]["strict"] is True


def test_object_shape() -> None:
    api, config = sessions()
    text = render(api, config)["typescript/src/models/operations/createsessionrequestbody.ts"]
    assert "export type CreateSessionRequestBody = {" in text
    assert "  externalId: string;" in text
    assert "  projectId?: string | null | undefined;" in text
    assert "  startedAt?: Date | undefined;" in text
    assert "  started_at?: string | undefined;" in text  # the $Outbound wire shape
    assert "   * Duration of the session in ms\n" in text
    assert 'external_id: "externalId",' in text
    assert "export function createSessionRequestBodyToJSON(" in text
    enum = render(api, config)["typescript/src/models/operations/direction.ts"]
    assert 'export const Direction = {\n  Asc: "asc",\n  Desc: "desc",\n} as const;' in enum
    assert "export type Direction = ClosedEnum<typeof Direction>;" in enum


def test_render_is_deterministic_across_hash_seeds() -> None:
    code = (
        "import hashlib, sys; sys.path.insert(0, 'tests');"
        "from test_typescript_target import sessions; from generator.render.typescript import render;"
        "print(hashlib.sha256(repr(sorted(render(*sessions()).items())).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


# -------------------------------------------------------------- escaping


def test_ts_string_escapes() -> None:
    assert ts_string('say "hi"\n') == '"say \\"hi\\"\\n"'
    assert ts_string("`${x}`") == '"`${x}`"'  # harmless inside double quotes
    assert ts_string("caf\u00e9") == '"caf\u00e9"'  # non-ASCII kept readable
    assert ts_string("a\u2028b\u2029c") == '"a\\u2028b\\u2029c"'
    assert ts_string("\ud800") == '"\\ud800"'  # a lone surrogate cannot be UTF-8
    assert ts_string("back\\slash") == '"back\\\\slash"'


@given(st.text())
def test_a_string_literal_reads_back_as_the_string(text: str) -> None:
    literal = ts_string(text)
    assert "\u2028" not in literal and "\u2029" not in literal
    assert json.loads(literal) == text


def test_jsdoc_cannot_be_closed_early() -> None:
    block = jsdoc(NASTY, indent="  ")
    assert block.count("*/") == 1 and block.endswith("  */\n")
    assert block.splitlines() == [
        "  /**",
        '   * Ends *\\/ here; "quotes" `tick` ${x} \\ back',
        "   * line two",
        "   * after LS, caf\u00e9 \u65e5\u672c",
        "   */",
    ]
    assert jsdoc(None) == "" and jsdoc("  ") == ""
    assert jsdoc(None, deprecated=True) == "/**\n * @deprecated\n */\n"


def test_keys() -> None:
    assert ts_key("externalId") == "externalId"
    assert ts_key("class") == "class"  # reserved words are valid property names
    assert ts_key("my-key") == '"my-key"'
    assert ts_key("2fa") == '"2fa"'
    assert ts_object_key("__proto__") == '["__proto__"]'
    assert ts_key("__proto__") == "__proto__"  # in a type literal it is just a key
    assert ts_literal(None) == "null" and ts_literal(True) == "true" and ts_literal(1.5) == "1.5"
    assert ts_literal({"a": 1}) is None and ts_literal(float("inf")) is None


@given(st.text())
def test_ts_string_round_trips_and_stays_on_one_line(text: str) -> None:
    literal = ts_string(text)
    assert json.loads(literal) == text
    assert not any(c in literal for c in "\n\r\u2028\u2029")


@given(st.text())
def test_jsdoc_never_closes_early(text: str) -> None:
    block = jsdoc(text)
    if block:
        assert block.index("*/") == len(block) - 3
        assert all(line.startswith((" *", "/**")) for line in block.splitlines())


def test_enum_keys_and_property_names() -> None:
    keys = [enum_key(v) for v in ("in-progress", "2fa", "", "Infinity", 1, -1, 2.5)]
    assert keys == ["InProgress", "Value2fa", "Value", "ValueInfinity", "Value1", "ValueMinus1", "Value2_5"]
    assert all(is_identifier(k) for k in keys)
    assert property_names(("fooBar", "fooBar", "a1", "a1")) == ("fooBar", "fooBar2", "a1", "a1_2")
    assert module_stem("Index") == "index_" and module_stem("HonoApiError") == "honoapierror"


# ------------------------------------------------------------- tsc, node


def test_sessions_compile_strict(node_modules: Path, tmp_path: Path) -> None:
    package = write_package(render(*sessions()), tmp_path, node_modules)
    assert_tsc(package, node_modules, "--noEmit")


ROUND_TRIP = r"""
import assert from "node:assert/strict";
import * as ops from "./dist/models/operations/index.js";

const wire = {
  _id: "s1", external_id: "ext-1", duration: 12.5, contact_ids: ["c1", "c2"],
  billing: { input_cost: 0.5, output_cost: 1.25, total_cost: 1.75 },
  usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 },
  traces_count: 3, tags: ["a"], workspace_id: "w1", project_id: null,
  started_at: "2024-05-01T10:20:30.000Z",
};
const parsed = ops.GetSessionResponseBody$inboundSchema.parse(wire);
assert.equal(parsed.externalId, "ext-1");
assert.equal(parsed.id, "s1");
assert.equal(parsed.billing.totalCost, 1.75);
assert.equal(parsed.usage.promptTokens, 10);
assert.equal(parsed.projectId, null);
assert.ok(parsed.startedAt instanceof Date);
assert.equal(parsed.startedAt.getTime(), Date.UTC(2024, 4, 1, 10, 20, 30));
assert.ok(!("updatedAt" in parsed) && !("external_id" in parsed));
assert.deepEqual(ops.GetSessionResponseBody$outboundSchema.parse(parsed), wire);
assert.equal(ops.getSessionResponseBodyToJSON(parsed), JSON.stringify(wire));

const fromJson = ops.getSessionResponseBodyFromJSON(JSON.stringify(wire));
assert.ok(fromJson.ok);
assert.ok(!ops.getSessionResponseBodyFromJSON("{").ok);
assert.ok(!ops.getSessionResponseBodyFromJSON('{"_id": 1}').ok);
assert.equal(ops.Direction.Asc, "asc");
assert.throws(() => ops.Direction$inboundSchema.parse("sideways"));
"""


def test_zod_v4_packages_compile_and_run_against_zod_4(tmp_path: Path) -> None:
    # gen.yaml zodVersion v4: `zod/v4` imports, two-argument ZodType, a
    # dependency zod 3.25+ and 4 both satisfy; models and client compile
    # strictly against zod 4 and parse as before (smartUnion included)
    from generator.render import typescript_client

    modules = node_env.zod4_modules()
    api, config = sessions()
    config = dataclasses.replace(config, zod_version="v4", union_strategy="populated-fields")
    plan = {**render(api, config), **typescript_client.render(api, config)}
    assert '"zod": "^3.25.0 || ^4.0.0"' in plan["typescript/package.json"]
    assert all("z.ZodTypeDef" not in text for text in plan.values())
    package = write_package(plan, tmp_path, modules)
    assert_tsc(package, modules)
    run_node(package, ROUND_TRIP)
    strategies = write_package(render(_strategies_api(), config), tmp_path / "strategies", modules)
    assert_tsc(strategies, modules)
    run_node(strategies, STRATEGIES_RUNTIME.replace("EXPECTED_UNION", '{ a: "x", b: "y" }').replace(
        "EXPECTED_OPEN", "false"))


MINI_EXTRAS = r"""
import assert from "node:assert/strict";
import * as errors from "./dist/models/errors/index.js";
import * as ops from "./dist/models/operations/index.js";

// error classes: the body parses into a throwable instance and back
const err = errors.HonoApiError$inboundSchema.parse({ code: "E1", message: "boom" });
assert.ok(err instanceof errors.HonoApiError && err instanceof Error);
assert.equal(err.message, "boom");
assert.deepEqual(errors.HonoApiError$outboundSchema.parse(err), { code: "E1", message: "boom" });
// a failed parse reports its issues through the mini build's error class
const bad = ops.getSessionResponseBodyFromJSON('{"_id": 1}');
assert.ok(!bad.ok);
const wrapped = new errors.SDKValidationError("x", bad.error, null);
assert.match(wrapped.message, /_id/);
"""


def _mini_plans() -> dict[str, dict[str, str]]:
    """``zodVersion: v4-mini`` output: the sessions package (models and
    client), the kitchen sink and the strategies API."""
    from generator.render import typescript_client

    api, config = sessions()
    config = dataclasses.replace(config, zod_version="v4-mini", union_strategy="populated-fields")
    return {
        "sessions": {**render(api, config), **typescript_client.render(api, config)},
        "kitchen": render(kitchen_sink(), Config(zod_version="v4-mini")),
        "strategies": render(_strategies_api(), dataclasses.replace(config, forward_compatible_enums=True)),
    }


# Chained calls only the classic API has (and its `z\n  .object(...)` chain
# layout), once `z.` and `z.iso.` are taken off the mini build's functions.
_CLASSIC_ONLY = re.compile(r"\.(optional|nullable|nullish|default|transform|pipe|or|and|catchall|int|datetime|date"
                           r"|refine|passthrough|strict|extend)\(|(?<![\w$])Zod(Type|TypeAny|TypeDef|Error|IssueCode)\b"
                           r"|addIssue|(?<![\w$.])z\s+\.")


def _classic_only(text: str) -> list[str]:
    return [m.group(0) for m in _CLASSIC_ONLY.finditer(re.sub(r"(?<![\w$.])z\.(iso\.)?", "", text))]


def test_v4_mini_output_uses_only_the_mini_functional_api() -> None:
    plans = _mini_plans()
    for plan in plans.values():
        for path, text in plan.items():
            if path.endswith(".ts"):
                assert _classic_only(text) == [], path
                assert '"zod/v4"' not in text and 'from "zod"' not in text, path
    kitchen = plans["kitchen"]["typescript/src/models/operations/kitchen.ts"]
    assert 'import * as z from "zod/v4-mini";' in kitchen
    assert "when: z.pipe(z.iso.datetime({ offset: true }), z.transform((v) => new globalThis.Date(v)))," in kitchen
    assert "fooBar: z.int()," in kitchen and '"my-key": z.optional(z.string()),' in kitchen
    assert "node: z.nullable(components.Node$inboundSchema)," in kitchen
    assert 'version: z._default(z.literal("v1"), "v1"),' in plans["kitchen"][
        "typescript/src/models/operations/defaults.ts"]
    extra = plans["kitchen"]["typescript/src/models/operations/extra.ts"]
    assert "z.pipe(\n  z.catchall(\n    z.object({\n      first_name: z.string(),\n    }),\n    z.int(),\n  ),\n" in extra
    pet = plans["strategies"]["typescript/src/models/components/pet.ts"]
    assert '= z.union([smartUnion([Cat$inboundSchema, Dog$inboundSchema]), unknownTaggedVariant("kind"' in pet
    assert '"zod": "^3.25.0 || ^4.0.0"' in plans["sessions"]["typescript/package.json"]
    # the classic side is untouched: v4 still chains
    api, config = sessions()
    classic = render(api, dataclasses.replace(config, zod_version="v4"))
    assert any(_classic_only(text) for text in classic.values())


def test_zod_flavor_spellings() -> None:
    classic, v4, mini = (ZodFlavor.of(Config(zod_version=v)) for v in ("v3", "v4", "v4-mini"))
    assert (classic.module, v4.module, mini.module) == ("zod", "zod/v4", "zod/v4-mini")
    assert classic.optional(classic.nullable("z.string()")) == "z.string().nullable().optional()"
    assert mini.optional(mini.nullable("z.string()")) == "z.optional(z.nullable(z.string()))"
    assert (v4.default("z.int()", "3"), mini.default("z.int()", "3")) == ("z.int().default(3)", "z._default(z.int(), 3)")
    assert mini.or_else("A", "B") == "z.union([A, B])" and v4.or_else("A", "B") == "A.or(B)"
    # classic chains keep their one-call-a-line layout; mini nests calls
    assert v4.pipe(v4.transform("z.instanceof(E)", "f", ""), "D", "") == "z\n  .instanceof(E)\n  .transform(f)\n  .pipe(D)"
    assert mini.pipe(mini.transform("z.instanceof(E)", "f", ""), "D", "") == "z.pipe(z.pipe(z.instanceof(E), z.transform(f)), D)"
    assert classic.transform("S", "f", "  ") == "S\n    .transform(f)"
    assert "ZodIssueCode" in classic.union_issue("e") and v4.union_issue("e").startswith("ctx.addIssue(")
    assert mini.union_issue("e").startswith("ctx.issues.push(")
    entries = [("a", "z.string()")]
    assert mini.object_schema(entries, None, []) == "z.object({\n  a: z.string(),\n})"
    assert classic.object_schema(entries, "z.any()", [("a", "b")]) == (
        'z\n  .object({\n    a: z.string(),\n  })\n  .catchall(z.any())\n'
        '  .transform((v) =>\n    remap(v, {\n      a: "b",\n    } as const),\n  )')


def test_zod_v4_mini_packages_compile_and_run_against_zod_4(tmp_path: Path) -> None:
    # gen.yaml zodVersion v4-mini: the same packages as with v4, spelled with
    # the mini build's functions, compile strictly and behave the same
    modules = node_env.zod4_modules()
    plans = _mini_plans()
    package = write_package(plans["sessions"], tmp_path / "sessions", modules)
    assert_tsc(package, modules)
    run_node(package, ROUND_TRIP)
    run_node(package, MINI_EXTRAS)
    kitchen = write_package(plans["kitchen"], tmp_path / "kitchen", modules)
    assert_tsc(kitchen, modules)
    run_node(kitchen, KITCHEN_RUNTIME)
    strategies = write_package(plans["strategies"], tmp_path / "strategies", modules)
    assert_tsc(strategies, modules)
    run_node(strategies, STRATEGIES_RUNTIME.replace("EXPECTED_UNION", '{ a: "x", b: "y" }').replace(
        "EXPECTED_OPEN", "true"))


def test_zod_v4_mini_sessions_compile_against_zod_3_25(node_modules: Path, tmp_path: Path) -> None:
    # the dependency range also admits zod 3.25+, whose `zod/v4-mini` is the same API
    package = write_package(_mini_plans()["sessions"], tmp_path, node_modules)
    assert_tsc(package, node_modules, "--noEmit")


def test_sessions_round_trip_under_node(node_modules: Path, tmp_path: Path) -> None:
    package = write_package(render(*sessions()), tmp_path, node_modules)
    assert_tsc(package, node_modules)
    run_node(package, ROUND_TRIP)


# ---------------------------------------------- hand-built IR: the hard cases


def _field(wire: str, t: ir.TypeExpr, required: bool = True, nullable: bool = False,
           description: str | None = None) -> ir.Field:
    return ir.Field(wire_name=wire, type=t, required=required, nullable=nullable,
                    origin=f"#/x/{wire}", description=description)


def _model(name: str, ns: str, body: ir.ModelBody, description: str | None = None) -> ir.Model:
    return ir.Model(id=f"#/{ns}/{name}", body=body, role="component", owner=name, description=description,
                    name=ir.ModelName(python=name, typescript=name, ts_namespace=ns))  # type: ignore[arg-type]


def _ref(ns: str, name: str) -> ir.Ref:
    return ir.Ref(model=f"#/{ns}/{name}")


STRING = ir.Primitive(kind="string")
DATE_TIME = ir.Primitive(kind="string", format="date-time")


def kitchen_sink() -> ir.Api:
    """Recursion, cross-namespace refs, every enum style, awkward keys and
    names that shadow globals or the runtime's own names."""
    node = _ref("components", "Node")
    models = [
        _model("Node", "components", ir.Object(fields=(
            _field("value", STRING, description=NASTY),
            _field("children", ir.Array(items=node), required=False),
            _field("parent", node, required=False, nullable=True),
        )), description=NASTY),
        _model("SafeParseResult", "components", ir.Object(fields=(_field("ok", ir.Primitive(kind="boolean")),))),
        _model("Index", "components", ir.Enum(values=("a",))),
        _model("Ping", "components", ir.Object(fields=(_field("pong", _ref("components", "Pong"), required=False),))),
        _model("Pong", "components", ir.Object(fields=(_field("ping", _ref("components", "Ping")),))),
        _model("Kitchen", "operations", _kitchen_body(), description=NASTY),
        _model("Date", "operations", ir.Object(fields=(_field("at", DATE_TIME),))),
        _model("Array", "operations", ir.Object(fields=(_field("items", ir.Array(items=STRING)),))),
        _model("Status", "operations", ir.Enum(values=("in-progress", "done", "2fa", "", "Infinity", NASTY)),
               description=NASTY),
        _model("Level", "operations", ir.Enum(values=(1, 2.5, "high"), open=True)),
        _model("Mixed", "operations", ir.Enum(values=("a", True, 3))),
        _model("ClosedEnum", "operations", ir.Enum(values=("x", "y"))),
        _model("Shape", "operations", ir.Union(members=(
            ir.UnionMember(type=node, origin="#/s/0"),
            ir.UnionMember(type=STRING, origin="#/s/1"),
            ir.UnionMember(type=ir.Array(items=_ref("operations", "Shape")), origin="#/s/2"),
            ir.UnionMember(type=ir.Map(values=ir.Primitive(kind="number")), origin="#/s/3"),
        ))),
        _model("Extra", "operations", ir.Object(fields=(_field("first_name", STRING),),
                                                additional=ir.Primitive(kind="integer"))),
        _model("Loose", "operations", ir.Object(fields=(), additional=ir.Any())),
        # Compiles, but zod 3 reads an absent `__proto__` key as Object.prototype,
        # so only the compile test uses this one.
        _model("Proto", "components", ir.Object(fields=(_field("__proto__", STRING, required=False),))),
        # optional fields with defaults: the outbound schema sends what fits the wire type
        _model("Defaults", "operations", ir.Object(fields=(
            structs.replace(_field("version", ir.Literal(value="v1"), required=False), default=ir.Json("v1")),
            structs.replace(_field("retries", ir.Primitive(kind="integer"), required=False), default=ir.Json(3)),
            structs.replace(_field("since", DATE_TIME, required=False), default=ir.Json("2020-01-01T00:00:00Z")),
            structs.replace(_field("odd", STRING, required=False), default=ir.Json(7)),
        ))),
        _model("Oops", "errors", ir.Object(fields=(_field("node", node, required=False),
                                                   _field("error_code", STRING)))),
    ]
    return ir.Api(title="t", version="1", description=None, servers=(), security_schemes=(),
                  operations=(), models=tuple(models))


def _kitchen_body() -> ir.Object:
    ops = "operations"
    return ir.Object(fields=(
        _field("class", STRING, description="a reserved word"),
        _field("my-key", STRING, required=False),
        _field("foo_bar", STRING),
        _field("fooBar", ir.Primitive(kind="integer")),
        _field("when", DATE_TIME),
        _field("day", ir.Primitive(kind="string", format="date"), required=False),
        _field("tags", ir.Map(values=ir.Array(items=ir.Primitive(kind="integer")))),
        _field("blob", ir.Primitive(kind="string", format="binary"), required=False),
        _field("anything", ir.Any()),
        _field("kind", ir.Literal(value="kitchen")),
        _field("nothing", ir.Literal(value=None), required=False),
        _field("shaped", ir.Literal(value={"a": 1}), required=False),
        _field("node", _ref("components", "Node"), nullable=True),
        _field("status", _ref(ops, "Status")),
        _field("level", _ref(ops, "Level"), required=False),
        _field("mixed", _ref(ops, "Mixed"), required=False),
        _field("shape", _ref(ops, "Shape"), required=False),
        _field("date_model", _ref(ops, "Date"), required=False),
        _field("array_model", _ref(ops, "Array"), required=False),
        _field("closed", _ref(ops, "ClosedEnum"), required=False),
        _field("extra", _ref(ops, "Extra"), required=False),
        _field("loose", _ref(ops, "Loose"), required=False),
    ))


@pytest.mark.parametrize("enum_format", ["union", "enum"])
def test_kitchen_sink_compiles_strict(enum_format: str, node_modules: Path, tmp_path: Path) -> None:
    plan = render(kitchen_sink(), Config(enum_format=enum_format))  # type: ignore[arg-type]
    kitchen = plan["typescript/src/models/operations/kitchen.ts"]
    assert '  "my-key"?: string | undefined;' in kitchen
    assert "  fooBar2: number;" in kitchen and "  anything?: any | undefined;" in kitchen
    assert "globalThis.Date" in kitchen and "globalThis.Array<" in kitchen
    assert "z.lazy(() => Node$inboundSchema)" in plan["typescript/src/models/components/node.ts"]
    assert "typescript/src/models/components/index_.ts" in plan
    assert '["__proto__"]: z.string().optional(),' in plan["typescript/src/models/components/proto.ts"]
    assert "ClosedEnum$<typeof ClosedEnum>" in plan["typescript/src/models/operations/closedenum.ts"] or (
        enum_format == "enum")
    package = write_package(plan, tmp_path, node_modules)
    assert_tsc(package, node_modules, "--noEmit")


KITCHEN_RUNTIME = r"""
import assert from "node:assert/strict";
import * as ops from "./dist/models/operations/index.js";
import * as components from "./dist/models/components/index.js";

const tree = { value: "root", children: [{ value: "leaf", parent: null }] };
const node = components.Node$inboundSchema.parse(tree);
assert.equal(node.children[0].value, "leaf");
assert.deepEqual(components.Node$outboundSchema.parse(node), tree);
assert.ok(components.Ping$inboundSchema.parse({ pong: { ping: {} } }).pong.ping);

const wire = {
  class: "c", "my-key": "k", foo_bar: "s", fooBar: 2, when: "2020-01-02T03:04:05.000Z",
  day: "2020-01-02", tags: { t: [1, 2] }, anything: { deep: [1] }, kind: "kitchen",
  node: null, status: "in-progress", level: "unheard-of", mixed: true,
  shape: [["x", { value: "n" }], { w: 1 }], extra: { first_name: "Ann", age: 3 },
};
const k = ops.Kitchen$inboundSchema.parse(wire);
assert.equal(k.class, "c");
assert.equal(k.myKey, "k");
assert.equal(k.fooBar, "s");
assert.equal(k.fooBar2, 2);
assert.ok(k.when instanceof Date && k.day instanceof Date);
assert.equal(k.status, ops.Status.InProgress);
assert.equal(k.extra.firstName, "Ann");
assert.equal(k.extra.age, 3);
assert.deepEqual(JSON.parse(ops.kitchenToJSON(k)), wire);
assert.throws(() => ops.Extra$inboundSchema.parse({ first_name: "A", age: "old" }));
assert.ok(!ops.kitchenFromJSON(JSON.stringify({ ...wire, kind: "other" })).ok);
assert.deepEqual(JSON.parse(ops.defaultsToJSON({})), { version: "v1", retries: 3 });
assert.deepEqual(ops.Defaults$inboundSchema.parse({}), {});
"""


def test_kitchen_sink_runtime(node_modules: Path, tmp_path: Path) -> None:
    package = write_package(render(kitchen_sink(), Config()), tmp_path, node_modules)
    assert_tsc(package, node_modules)
    run_node(package, KITCHEN_RUNTIME)



def test_cycle_detection_matches_reachability_on_random_graphs() -> None:
    """Tarjan's components give exactly the edges A->B with A reachable from B."""
    import random

    from generator.render.typescript.graph import strongly_connected

    rng = random.Random(7)
    for _ in range(300):
        n = rng.randint(1, 12)
        edges = {str(i): tuple(str(rng.randrange(n)) for _ in range(rng.randint(0, 3))) for i in range(n)}

        def reach(start: str) -> set[str]:
            seen: set[str] = set()
            stack = list(edges[start])
            while stack:
                node = stack.pop()
                if node not in seen:
                    seen.add(node)
                    stack.extend(edges[node])
            return seen

        expected = {(a, b) for a in edges for b in edges[a] if a in reach(b)}
        component = strongly_connected(edges)
        assert {(a, b) for a in edges for b in edges[a] if component[a] == component[b]} == expected


def _strategies_api() -> ir.Api:
    small = ir.Object(fields=(_field("a", STRING),))
    big = ir.Object(fields=(_field("a", STRING), _field("b", STRING)))
    return ir.Api(title="t", version="1", description=None, servers=(), security_schemes=(), operations=(),
                  models=(_model("Small", "components", small), _model("Big", "components", big),
                          _model("Either", "components", ir.Union(members=(
                              ir.UnionMember(type=_ref("components", "Small"), origin="#/e/0"),
                              ir.UnionMember(type=_ref("components", "Big"), origin="#/e/1")))),
                          _model("Colour", "components", ir.Enum(values=("red", "blue"))),
                          *_open_union_models()))


def _open_union_models() -> tuple[ir.Model, ...]:
    """Forward-compatible unions (``Union.open``): tagged, and untagged."""
    cat = ir.Object(fields=(_field("kind", ir.Literal(value="cat")), _field("lives", ir.Primitive(kind="integer"),
                                                                          required=False)))
    dog = ir.Object(fields=(_field("kind", _ref("components", "DogKind")), _field("good", ir.Primitive(kind="boolean"))))
    pet = ir.Union(members=(ir.UnionMember(type=_ref("components", "Cat"), origin="#/p/0"),
                            ir.UnionMember(type=_ref("components", "Dog"), origin="#/p/1")),
                   discriminator="kind", open=True)
    value = ir.Union(members=(ir.UnionMember(type=STRING, origin="#/v/0"),
                              ir.UnionMember(type=ir.Primitive(kind="integer"), origin="#/v/1")), open=True)
    return (_model("Cat", "components", cat), _model("Dog", "components", dog),
            _model("DogKind", "components", ir.Enum(values=("dog",))),
            _model("Pet", "components", pet), _model("Value", "components", value))


STRATEGIES_RUNTIME = r"""
import assert from "node:assert/strict";
import * as components from "./dist/models/components/index.js";

const both = components.Either$inboundSchema.parse({ a: "x", b: "y" });
assert.deepEqual(both, EXPECTED_UNION);
const colour = components.Colour$inboundSchema.safeParse("green");
assert.equal(colour.success, EXPECTED_OPEN);

// forward-compatible unions: an unknown tag is kept, a known tag must still parse
const bird = components.Pet$inboundSchema.parse({ kind: "bird", wings: 2 });
assert.deepEqual(bird, { isUnknown: true, raw: { kind: "bird", wings: 2 } });
assert.deepEqual(components.Pet$outboundSchema.parse(bird), { kind: "bird", wings: 2 });
assert.deepEqual(components.Pet$inboundSchema.parse({ kind: "dog", good: true }), { kind: "dog", good: true });
assert.ok(!components.Pet$inboundSchema.safeParse({ kind: "dog" }).success);
assert.ok(!components.Pet$inboundSchema.safeParse("dog").success);
assert.deepEqual(components.Pet$outboundSchema.parse({ kind: "cat" }), { kind: "cat" });
const odd = components.Value$inboundSchema.parse([1]);
assert.deepEqual(odd, { isUnknown: true, raw: [1] });
assert.deepEqual(components.Value$outboundSchema.parse(odd), [1]);
assert.equal(components.Value$inboundSchema.parse(3), 3);
"""


@pytest.mark.parametrize(("config", "union", "open_enum"), [
    (Config(), '{ a: "x" }', "false"),
    (Config(union_strategy="populated-fields", forward_compatible_enums=True), '{ a: "x", b: "y" }', "true"),
])
def test_union_strategy_and_forward_compatible_enums(config: Config, union: str, open_enum: str,
                                                    node_modules: Path, tmp_path: Path) -> None:
    # left-to-right keeps the first option that parses (Small, which drops `b`);
    # populated-fields keeps the one that fills more fields; forward-compatible
    # enums accept a value the spec does not list
    package = write_package(render(_strategies_api(), config), tmp_path, node_modules)
    assert_tsc(package, node_modules)
    run_node(package, STRATEGIES_RUNTIME.replace("EXPECTED_UNION", union).replace("EXPECTED_OPEN", open_enum))
