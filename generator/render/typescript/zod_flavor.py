"""How generated code spells zod, per gen.yaml ``zodVersion``.

Contract: ``ZodFlavor.of(config)`` is the one place that knows the spelling
differences; schema builders (``zod.py``, the views, the client) and the
templates (which receive it as ``zod``) ask it rather than branching.

- ``v3``: ``import * as z from "zod"``, the classic chained API, three-argument
  ``z.ZodType<Out, Def, In>``.
- ``v4``: the same classic API from ``zod/v4`` (which zod 3.25+ and zod 4 both
  provide), two-argument ``z.ZodType``.
- ``v4-mini``: zod's mini build, ``zod/v4-mini`` (3.25+ and 4; ``zod/mini``
  is 4 only): no chained modifiers, only functions (``z.optional(x)``,
  ``z.pipe(x, z.transform(f))``, ``z._default(x, v)``, ``z.int()``,
  ``z.iso.datetime()``), ``z.ZodMiniType`` and ``z.core.$ZodError``.  Picking it is how users get the
  small bundle, so nothing classic-only may appear in its output.

Spellings that break a chain over lines (``indent`` given) reproduce the
classic layout byte for byte; the mini build's nested calls stay on one line.
"""

from __future__ import annotations

from msgspec import Struct

from generator.config import Config
from generator.render.typescript.escape import ts_object_key, ts_string


class ZodFlavor(Struct, frozen=True, gc=False):
    module: str
    type_def: str
    """The middle ``ZodType`` argument zod 3 has (``z.ZodTypeDef, ``)."""
    dependency: str
    v4: bool
    mini: bool = False
    schema_type: str = "z.ZodType"
    """The generic schema type, ``<Output, Input>`` (after ``type_def``)."""
    any_schema_type: str = "z.ZodTypeAny"
    """A schema of any output, as a type bound (``smartUnion``'s options)."""
    error_class: str = "z.ZodError"
    """The class of a failed parse's error, for ``instanceof``."""

    @classmethod
    def of(cls, config: Config) -> ZodFlavor:
        if config.zod_version == "v3":
            return cls(module="zod", type_def="z.ZodTypeDef, ", dependency="^3.23.0", v4=False)
        if config.zod_version == "v4-mini":
            return cls(module="zod/v4-mini", type_def="", dependency="^3.25.0 || ^4.0.0", v4=True, mini=True,
                       schema_type="z.ZodMiniType", any_schema_type="z.ZodMiniType",
                       error_class="z.core.$ZodError")
        return cls(module="zod/v4", type_def="", dependency="^3.25.0 || ^4.0.0", v4=True)

    # ------------------------------------------------------------ modifiers

    def optional(self, schema: str) -> str:
        return f"z.optional({schema})" if self.mini else f"{schema}.optional()"

    def nullable(self, schema: str) -> str:
        return f"z.nullable({schema})" if self.mini else f"{schema}.nullable()"

    def default(self, schema: str, value: str) -> str:
        """``value`` is a TypeScript literal filled in when the key is absent."""
        return f"z._default({schema}, {value})" if self.mini else f"{schema}.default({value})"

    def or_else(self, schema: str, fallback: str) -> str:
        """``schema``, else ``fallback`` when it fails (tried in that order)."""
        return f"z.union([{schema}, {fallback}])" if self.mini else f"{schema}.or({fallback})"

    def transform(self, schema: str, fn: str, indent: str | None = None) -> str:
        """``schema`` then ``fn`` on its output; ``indent``: the chain's
        layout, one call a line (classic only)."""
        if self.mini:
            return f"z.pipe({schema}, z.transform({fn}))"
        return self._call(schema, f"transform({fn})", indent)

    def pipe(self, schema: str, then: str, indent: str | None = None) -> str:
        """``schema``'s output parsed again by the schema ``then``."""
        if self.mini:
            return f"z.pipe({schema}, {then})"
        return self._call(schema, f"pipe({then})", indent)

    @staticmethod
    def _call(schema: str, call: str, indent: str | None) -> str:
        if indent is None:
            return f"{schema}.{call}"
        if schema.startswith("z.") and "\n" not in schema:
            schema = f"z\n{indent}  .{schema[2:]}"
        return f"{schema}\n{indent}  .{call}"

    def union_issue(self, failures: str) -> str:
        """The statement a transform's ``ctx`` reports a failed union with,
        given the ``ZodError``s of its options (the mini build's context is
        the bare parse payload: issues are pushed onto it)."""
        if not self.v4:
            return f"ctx.addIssue({{ code: z.ZodIssueCode.invalid_union, unionErrors: {failures} }});"
        issue = f'{{ code: "invalid_union", errors: {failures}.map((failure) => failure.issues), input }}'
        return f"ctx.issues.push({issue});" if self.mini else f"ctx.addIssue({issue});"

    # ---------------------------------------------------------- primitives

    def integer(self) -> str:
        return "z.int()" if self.mini else "z.number().int()"

    def iso_datetime(self) -> str:
        """A string with an RFC 3339 date-time (any offset)."""
        return "z.iso.datetime({ offset: true })" if self.mini else "z.string().datetime({ offset: true })"

    def iso_date(self) -> str:
        return "z.iso.date()" if self.mini else "z.string().date()"

    # ------------------------------------------------------------- objects

    def object_schema(
        self, entries: list[tuple[str, str]], extra: str | None, renames: list[tuple[str, str]]
    ) -> str:
        """An object schema over ``(key, schema)`` entries; ``extra`` validates
        undeclared keys; ``renames`` pairs make it ``remap`` keys after parsing."""
        if self.mini:
            return self._mini_object(entries, extra, renames)
        lines = ["z", "  .object({", *(f"    {ts_object_key(k)}: {s}," for k, s in entries), "  })"]
        if extra is not None:
            lines.append(f"  .catchall({extra})")
        if renames:
            lines += ["  .transform((v) =>", "    remap(v, {", *_renames(renames, "      "),
                      "    } as const),", "  )"]
        return "\n".join(lines)

    @staticmethod
    def _mini_object(entries: list[tuple[str, str]], extra: str | None, renames: list[tuple[str, str]]) -> str:
        pad = "  " * ((extra is not None) + bool(renames))
        lines = [f"{pad}z.object({{", *(f"{pad}  {ts_object_key(k)}: {s}," for k, s in entries), f"{pad}}})"]
        if extra is not None:
            pad = pad[2:]
            lines = [f"{pad}z.catchall(", *(lines[:-1]), lines[-1] + ",", f"{pad}  {extra},", f"{pad})"]
        if renames:
            lines = ["z.pipe(", *(lines[:-1]), lines[-1] + ",", "  z.transform((v) =>", "    remap(v, {",
                     *_renames(renames, "      "), "    } as const),", "  ),", ")"]
        return "\n".join(lines)


def _renames(renames: list[tuple[str, str]], pad: str) -> list[str]:
    return [f"{pad}{ts_object_key(old)}: {ts_string(new)}," for old, new in renames]


__all__ = ["ZodFlavor"]
