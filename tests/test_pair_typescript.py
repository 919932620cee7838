"""Rules found on the TypeScript pairs with masked examples (mistral,
openrouter): model inventory and doc cells of newer Speakeasy versions.

Each case is a small hand-written spec; where the orq version (1.535)
behaves differently, both are checked.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from conftest import spec_api

from generator import ir
from generator.config import Config
from generator.render.markdown import render_typescript_docs


def _api(tmp_path: Path, text: str, config: Config | None = None) -> ir.Api:
    return cast(ir.Api, spec_api(tmp_path, text, config))


def _docs(tmp_path: Path, text: str, config: Config | None = None) -> dict[str, str]:
    config = config or Config()
    return render_typescript_docs(_api(tmp_path, text, config), config)


def _headings(doc: str) -> list[str]:
    return [line[4:] for line in doc.splitlines() if line.startswith("### ")]


def _cells(doc: str) -> dict[str, list[str]]:
    """Field name -> the other cells of its row."""
    rows = [r for r in doc.splitlines() if r.startswith("| `") or r.startswith("| ~~`")]
    return {r.split("|")[1].strip().strip("~`"): [c.strip() for c in r.split("|")[2:-1]] for r in rows}


_PETS = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /pets:
    get:
      operationId: getPets
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Owner"}
components:
  schemas:
    Dog:
      type: object
      properties: {kind: {type: string, const: dog}}
    Cat:
      type: object
      properties: {kind: {type: string, const: cat}}
    Bird:
      type: object
      properties: {kind: {type: string, const: bird}}
    Owner:
      type: object
      properties:
        pet:
          oneOf:
            - $ref: "#/components/schemas/Dog"
            - $ref: "#/components/schemas/Cat"
            - $ref: "#/components/schemas/Bird"
          discriminator:
            propertyName: kind
            mapping:
              cat: "#/components/schemas/Cat"
              dog: Dog
"""


def test_discriminated_union_members_follow_the_mapping_order(tmp_path: Path) -> None:
    docs = _docs(tmp_path, _PETS)
    doc = next(text for path, text in docs.items() if path.endswith("/pet.md"))
    # mapped members first, in mapping order (a bare value names a component); the rest after
    assert _headings(doc) == ["`components.Cat`", "`components.Dog`", "`components.Bird`"]


_SIBLINGS = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /files:
    get:
      operationId: getFile
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/FileOut"}
components:
  schemas:
    Purpose:
      type: string
      enum: [batch, ocr]
    Args:
      type: object
      description: the args component
      properties: {stop: {type: string}}
    FileOut:
      type: object
      properties:
        purpose:
          $ref: "#/components/schemas/Purpose"
          description: sibling description
          examples: [ocr]
        args:
          $ref: "#/components/schemas/Args"
          description: sibling description
        maybe_args:
          anyOf:
            - $ref: "#/components/schemas/Args"
            - type: "null"
"""


def test_keywords_beside_a_ref_are_ignored(tmp_path: Path) -> None:
    cells = _cells(_docs(tmp_path, _SIBLINGS)["typescript/docs/models/components/fileout.md"])
    assert cells["purpose"][2:] == ["N/A"]  # no description, and no Example column at all
    assert cells["args"][2] == "the args component"
    # a nullable anyOf around the $ref does not borrow the component's description
    assert cells["maybeArgs"][2] == "N/A"


_STREAMS = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /chat:
    post:
      operationId: sendChat
      responses:
        "200":
          description: Successful response
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Reply"}
            text/event-stream:
              schema:
                type: object
                required: [data]
                properties:
                  data: {$ref: "#/components/schemas/Reply"}
components:
  schemas:
    Reply:
      type: object
      properties: {text: {type: string}}
"""


def test_json_or_event_stream_response_is_a_union(tmp_path: Path) -> None:
    docs = _docs(tmp_path, _STREAMS, Config(name_resolution_feb2025=True))
    union = docs["typescript/docs/models/operations/sendchatresponse.md"]
    assert _headings(union) == ["`components.Reply`", "`EventStream<operations.SendChatResponseBody>`"]
    # the stream member shows no value: its heading is the last line
    assert union.rstrip().endswith("### `EventStream<operations.SendChatResponseBody>`")
    body = docs["typescript/docs/models/operations/sendchatresponsebody.md"]
    assert body.startswith("# SendChatResponseBody\n\nSuccessful response\n")


_OVERRIDE = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /chat:
    post:
      operationId: sendChat
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/StreamRequest"}
      responses:
        "204": {description: ok}
components:
  schemas:
    Old:
      type: object
      properties: {a: {type: string}}
    New:
      type: object
      properties: {b: {type: string}}
    Request:
      type: object
      properties:
        stream: {type: boolean, description: whether to stream}
        payload: {$ref: "#/components/schemas/Old"}
        model: {type: string}
    StreamRequest:
      allOf:
        - $ref: "#/components/schemas/Request"
        - type: object
          properties:
            payload: {$ref: "#/components/schemas/New"}
            stream: {type: boolean, default: true}
"""


def test_later_allof_part_overrides_a_property_in_place(tmp_path: Path) -> None:
    docs = _docs(tmp_path, _OVERRIDE)
    cells = _cells(docs["typescript/docs/models/components/streamrequest.md"])
    assert list(cells) == ["stream", "payload", "model"]  # first positions
    assert cells["stream"][2] == "N/A"  # the later schema, without a description
    assert cells["payload"][0] == "[components.New](../../models/components/new.md)"
    # the overridden schema is not walked for it
    assert "typescript/docs/models/components/old.md" not in docs


_TWINS = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /prices:
    get:
      operationId: getPrices
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Prices"}
components:
  schemas:
    Named:
      type: object
      properties: {name: {type: string}}
    BigNumber:
      anyOf:
        - type: number
        - type: string
        - type: number
          example: 1000
      example: 1000
    Choice:
      anyOf:
        - {type: string, const: none}
        - {type: string, const: auto}
        - $ref: "#/components/schemas/Named"
    Dated:
      anyOf:
        - type: string
        - {type: string, format: date-time}
        - type: number
    Prices:
      type: object
      properties:
        prompt: {$ref: "#/components/schemas/BigNumber"}
        choice: {$ref: "#/components/schemas/Choice"}
        dated: {$ref: "#/components/schemas/Dated"}
"""


def test_union_offering_a_primitive_type_twice_is_any(tmp_path: Path) -> None:
    docs = _docs(tmp_path, _TWINS)
    cells = _cells(docs["typescript/docs/models/components/prices.md"])
    assert cells["prompt"][0] == "*any*"
    assert cells["choice"][0] == "*any*"  # two string constants
    assert cells["dated"][0] == "*components.Dated*"  # formats differ: a union
    assert "| Example" not in docs["typescript/docs/models/components/prices.md"]  # not even the component's
    assert "typescript/docs/models/components/bignumber.md" not in docs
    assert "typescript/docs/models/components/named.md" in docs  # a referenced member stays a model


_FREE_FORM = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /calls:
    get:
      operationId: getCall
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Call"}
components:
  schemas:
    Call:
      type: object
      properties:
        arguments:
          anyOf:
            - {type: object, additionalProperties: true}
            - {type: object, additionalProperties: {type: integer}}
            - type: string
"""


def test_free_form_object_member_heading(tmp_path: Path) -> None:
    doc = _docs(tmp_path, _FREE_FORM)["typescript/docs/models/components/arguments.md"]
    assert _headings(doc) == ["`{ [k: string]: any }`", "`Record<string, number>`", "`string`"]
    assert "const value: { [k: string]: any } = " in doc


_EXTRA_KEYS = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /usage:
    get:
      operationId: getUsage
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Usage"}
components:
  schemas:
    Closed:
      type: object
      properties: {n: {type: integer}}
    Usage:
      type: object
      additionalProperties: true
      properties:
        tokens: {type: integer}
        counts:
          type: object
          properties: {n: {type: integer}}
          additionalProperties: {type: integer}
        closed: {$ref: "#/components/schemas/Closed"}
"""


def test_additional_properties_become_a_last_optional_row(tmp_path: Path) -> None:
    docs = _docs(tmp_path, _EXTRA_KEYS)
    usage = _cells(docs["typescript/docs/models/components/usage.md"])
    assert list(usage) == ["tokens", "counts", "closed", "additionalProperties"]
    assert usage["additionalProperties"] == ["Record<string, *any*>", ":heavy_minus_sign:", "N/A"]
    counts = _cells(docs["typescript/docs/models/components/counts.md"])
    assert counts["additionalProperties"][0] == "Record<string, *number*>"
    assert "additionalProperties" not in _cells(docs["typescript/docs/models/components/closed.md"])


def test_required_field_with_default_shows_optional(tmp_path: Path) -> None:
    spec = _EXTRA_KEYS.replace("      properties:\n        tokens: {type: integer}",
                               "      required: [tokens, closed]\n      properties:\n"
                               "        tokens: {type: integer, default: 0}")
    usage = _cells(_docs(tmp_path, spec)["typescript/docs/models/components/usage.md"])
    assert usage["tokens"][1] == ":heavy_minus_sign:"
    assert usage["closed"][1] == ":heavy_check_mark:"


def test_single_member_discriminated_oneof_stays_a_union(tmp_path: Path) -> None:
    spec = _PETS.replace("""            - $ref: "#/components/schemas/Cat"
            - $ref: "#/components/schemas/Bird"
""", "").replace("""              cat: "#/components/schemas/Cat"
""", "") + """        only:
          oneOf:
            - $ref: "#/components/schemas/Dog"
"""
    docs = _docs(tmp_path, spec)
    cells = _cells(docs["typescript/docs/models/components/owner.md"])
    assert cells["pet"][0] == "*components.Pet*"
    assert _headings(docs["typescript/docs/models/components/pet.md"]) == ["`components.Dog`"]
    # without a discriminator a single member is just that member
    assert cells["only"][0] == "[components.Dog](../../models/components/dog.md)"


_COPIES = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /chat:
    post:
      operationId: chat
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/ChatRequest"}
      responses:
        "204": {description: ok}
  /stream:
    post:
      operationId: stream
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/StreamRequest"}
      responses:
        "204": {description: ok}
components:
  schemas:
    ChatRequest:
      type: object
      properties:
        stop:
          anyOf: [{type: string}, {type: array, items: {type: string}}]
    StreamRequest:
      allOf:
        - $ref: "#/components/schemas/ChatRequest"
        - type: object
          properties: {stream: {type: boolean}}
"""


def test_inline_schemas_merged_from_an_allof_part_are_the_merging_schemas_own(tmp_path: Path) -> None:
    docs = _docs(tmp_path, _COPIES)
    assert _cells(docs["typescript/docs/models/components/chatrequest.md"])["stop"][0] == "*components.Stop*"
    stream = _cells(docs["typescript/docs/models/components/streamrequest.md"])
    assert stream["stop"][0] == "*components.StreamRequestStop*"
    assert "typescript/docs/models/components/streamrequeststop.md" in docs


_DEPRECATED = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /key:
    get:
      operationId: getKey
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Key"}
components:
  schemas:
    Key:
      type: object
      required: [label, limits]
      properties:
        label: {type: string, description: The label}
        limits:
          type: object
          description: Legacy limits.
          deprecated: true
          properties: {requests: {type: number}}
        old: {type: string, deprecated: true}
"""


def test_deprecated_fields_and_models_are_struck_through(tmp_path: Path) -> None:
    docs = _docs(tmp_path, _DEPRECATED)
    key = docs["typescript/docs/models/components/key.md"]
    assert "| `label` " in key and "| ~~`limits`~~ " in key and "| ~~`old`~~ " in key
    cells = _cells(key)
    warning = ": warning: ** DEPRECATED **: This will be removed in a future release, please migrate away from it " \
              "as soon as possible."
    assert cells["limits"][2] == warning + "<br/><br/>Legacy limits."
    assert cells["old"][2] == warning
    assert cells["label"][2] == "The label"
    limits = docs["typescript/docs/models/components/limits.md"]
    assert limits.startswith("# ~~Limits~~\n\nLegacy limits.\n\n> :warning: **DEPRECATED**: This will be removed")
    assert key.startswith("# Key\n\n## Example Usage")


def test_json_example_cells_escape_html_as_go_does() -> None:
    from generator.render.markdown.common import example_cell

    cell = example_cell(ir.Json({"modality": "text->text", "q": "a<b & c"}))
    assert cell == '{\n"modality": "text-\\u003etext",\n"q": "a\\u003cb \\u0026 c"\n}'
    assert example_cell(ir.Json("text->text")) == "text->text"  # a string example is printed raw


_HEADERS = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /orders/{id}:
    delete:
      operationId: deleteOrder
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: deleted
          content:
            application/json:
              schema: {type: object}
        "429":
          description: slow down
          headers:
            Retry-After: {schema: {type: integer}}
"""


def test_response_wrapper_outranks_its_inline_body(tmp_path: Path) -> None:
    """With response headers, ``{Op}Response`` is the wrapper (as the
    ``{Op}Request`` wrapper is); the inline body it wraps moves on to
    ``{Op}ResponseBody`` instead of both moving on."""
    docs = _docs(tmp_path, _HEADERS, Config(name_resolution_feb2025=True))
    ops = "typescript/docs/models/operations/"
    assert docs[ops + "deleteorderresponse.md"].startswith("# DeleteOrderResponse\n")
    assert "operations.DeleteOrderResponseBody" in docs[ops + "deleteorderresponse.md"]
    assert ops + "deleteorderresponseresponse.md" not in docs


_REPORTS = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /reports:
    post:
      operationId: runReport
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Report"}
      responses:
        "204": {description: ok}
components:
  schemas:
    Sales:
      type: object
      required: [source]
      properties:
        source: {type: string, enum: [sales]}
    Stock:
      type: object
      required: [source, mode]
      properties:
        source: {type: string, enum: [stock]}
        mode: {type: string, enum: [full]}
    Report:
      oneOf:
        - $ref: "#/components/schemas/Sales"
        - $ref: "#/components/schemas/Stock"
"""


def test_pre_applied_union_discriminators_become_constants(tmp_path: Path) -> None:
    """``preApplyUnionDiscriminators``: the one-value enum property shared by
    every member is the inferred discriminator, a constant in each member;
    an enum only one member has (``mode``) stays a model."""
    on = Config(name_resolution_feb2025=True, pre_apply_union_discriminators=True, compat_version="1.768.2")
    docs = _docs(tmp_path, _REPORTS, on)
    models = "typescript/docs/models/components/"
    assert _cells(docs[models + "sales.md"])["source"][0] == '*"sales"*'
    assert _cells(docs[models + "stock.md"])["source"][0] == '*"stock"*'
    assert models + "source.md" not in docs and models + "mode.md" in docs
    off = _docs(tmp_path, _REPORTS, Config(name_resolution_feb2025=True, compat_version="1.768.2"))
    assert _cells(off[models + "sales.md"])["source"][0].startswith("[components.")


_ALIAS = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /commit:
    post:
      operationId: commit
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/CommitSuccess"}
components:
  schemas:
    CommitResult:
      type: object
      properties:
        data:
          type: object
          properties: {id: {type: string}}
    CommitSuccess:
      $ref: "#/components/schemas/CommitResult"
"""


def test_alias_component_is_a_model_of_its_own(tmp_path: Path) -> None:
    """A component that is only a ``$ref`` names the model it is reached
    through; the target, never referenced itself, has no model."""
    docs = _docs(tmp_path, _ALIAS, Config(name_resolution_feb2025=True))
    models = "typescript/docs/models/components/"
    assert docs[models + "commitsuccess.md"].startswith("# CommitSuccess\n")
    assert "[components.Data](../../models/components/data.md)" in docs[models + "commitsuccess.md"]
    assert models + "commitresult.md" not in docs


_OPEN = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /jobs:
    post:
      operationId: createJob
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                priority: {type: string, enum: [low, high]}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  job:
                    type: object
                    properties:
                      state: {type: string, enum: [queued, done]}
                      kind: {type: string, enum: [batch]}
"""


def test_forward_compatible_enums_open_the_enums_of_responses(tmp_path: Path) -> None:
    """``forwardCompatibleEnumsByDefault``: an enum a response carries (at
    any depth) is open, one only sent in requests or of a single value is
    not; 1.768 notes it in a comment below the example, older versions in a
    paragraph above the values."""
    config = Config(name_resolution_feb2025=True, forward_compatible_enums=True, compat_version="1.768.2")
    docs = _docs(tmp_path, _OPEN, config)
    models = "typescript/docs/models/operations/"
    state = docs[models + "state.md"]
    assert '"queued" | "done" | Unrecognized<string>' in state
    assert "\n\n// Open enum: unrecognized values are captured as Unrecognized<string>\n```" in state
    assert "This is an open enum" not in state
    assert "Unrecognized" not in docs[models + "priority.md"] and "Unrecognized" not in docs[models + "kind.md"]
    older = _docs(tmp_path, _OPEN, Config(name_resolution_feb2025=True, forward_compatible_enums=True,
                                          compat_version="1.690.1"))[models + "state.md"]
    assert "This is an open enum" in older and "// Open enum" not in older
    closed = _docs(tmp_path, _OPEN, Config(name_resolution_feb2025=True, compat_version="1.768.2"))
    assert "Unrecognized" not in closed[models + "state.md"]


_PARAM_ENUM = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /sales:
    get:
      operationId: listSales
      parameters:
        - name: amount_attribute
          in: query
          description: Which amount to filter on
          schema: {type: string, enum: [balance, total]}
        - name: order
          in: query
          description: Sort order
          schema: {type: string, enum: [asc, desc], description: Ascending or descending}
        - name: state
          in: query
          description: The state to filter on
          schema:
            anyOf:
              - {type: string, enum: [QUEUED, DONE]}
              - {type: "null"}
      responses:
        "204": {description: ok}
"""


def test_inline_parameter_schema_model_takes_the_parameter_description(tmp_path: Path) -> None:
    docs = _docs(tmp_path, _PARAM_ENUM, Config(name_resolution_feb2025=True))
    ops = "typescript/docs/models/operations/"
    assert docs[ops + "amountattribute.md"].startswith("# AmountAttribute\n\nWhich amount to filter on\n")
    assert docs[ops + "order.md"].startswith("# Order\n\nAscending or descending\n")
    assert docs[ops + "state.md"].startswith("# State\n\nThe state to filter on\n")


def test_typescript_property_names_keep_an_acronym_of_a_mixed_case_word() -> None:
    from generator.render.identifiers import typescript_field

    assert typescript_field("UpdateFTModelIn") == "updateFTModelIn"
    assert typescript_field("userID") == "userID"
    assert typescript_field("API_KEY") == "apiKey"  # all capitals: no acronym to keep
    assert typescript_field("image_url") == "imageUrl"
    assert typescript_field("URLPath") == "urlPath"  # the first word is lowered


_NULLABLE_REF = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /args:
    post:
      operationId: setArgs
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Args"}
      responses:
        "204": {description: ok}
components:
  schemas:
    Format:
      type: object
      properties: {type: {type: string}}
      examples: [{type: text}]
    Args:
      type: object
      properties:
        format:
          anyOf:
            - $ref: "#/components/schemas/Format"
            - type: "null"
        plain: {type: string}
"""


def test_nullable_anyof_field_shows_its_members_examples(tmp_path: Path) -> None:
    """A field ``anyOf: [$ref X, null]`` is X: its Example cell shows X's
    ``examples[0]``, as a plain ``$ref`` field does."""
    cells = _cells(_docs(tmp_path, _NULLABLE_REF)["typescript/docs/models/components/args.md"])
    assert cells["format"][-1] == '{<br/>"type": "text"<br/>}'
    assert cells["plain"][-1] == ""


_CONTENT_PARAM = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /agents:
    get:
      operationId: listAgents
      parameters:
        - name: metadata
          in: query
          content:
            application/json:
              schema:
                anyOf:
                  - {type: object, additionalProperties: true}
                  - {type: "null"}
        - {name: page, in: query, schema: {type: integer}}
      responses:
        "204": {description: ok}
"""


def test_parameter_with_content_takes_its_media_schema(tmp_path: Path) -> None:
    """A parameter serialized by ``content`` (JSON in the query) has the
    schema of its media type, not a plain string."""
    cells = _cells(_docs(tmp_path, _CONTENT_PARAM)["typescript/docs/models/operations/listagentsrequest.md"])
    assert cells["metadata"][0] == "Record<string, *any*>"
    assert cells["page"][0] == "*number*"


_TITLED_BODIES = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /jobs:
    post:
      operationId: cancelJob
      requestBody:
        content:
          application/json:
            schema:
              title: Cancel Input
              type: object
              properties: {reason: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                title: Response
                oneOf:
                  - {type: object, properties: {a: {type: string}}}
                  - {type: object, properties: {b: {type: string}}}
    get:
      operationId: listJobs
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                title: Response List Jobs
                type: array
                items:
                  oneOf:
                    - {type: object, properties: {a: {type: string}}}
                    - {type: string}
"""


def test_titled_inline_bodies_are_named_by_their_title(tmp_path: Path) -> None:
    """An operation's inline body with a ``title``: ``{Op}`` + the title
    replaces ``{Op}RequestBody`` / ``{Op}ResponseBody``; a titled array is no
    model, its items keep the usual name."""
    docs = _docs(tmp_path, _TITLED_BODIES)
    ops = "typescript/docs/models/operations/"
    assert ops + "canceljobcancelinput.md" in docs and ops + "canceljobrequestbody.md" not in docs
    assert docs[ops + "canceljobresponse.md"].startswith("# CancelJobResponse\n")
    assert ops + "responsebody.md" in docs and ops + "responselistjobs.md" not in docs


_INCLUDED = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /ping:
    get:
      operationId: ping
      responses:
        "204": {description: ok}
components:
  schemas:
    SessionCreated:
      type: object
      properties:
        format: {type: string, enum: [pcm, mp3]}
      x-speakeasy-include: true
    Unused:
      type: object
      properties: {a: {type: string}}
"""


def test_x_speakeasy_include_makes_an_unreferenced_component_a_model(tmp_path: Path) -> None:
    docs = _docs(tmp_path, _INCLUDED)
    models = "typescript/docs/models/components/"
    assert models + "sessioncreated.md" in docs and models + "format.md" in docs
    assert models + "unused.md" not in docs


_CONST_ENUM = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /cards:
    get:
      operationId: getCard
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Card"}
components:
  schemas:
    Card:
      type: object
      properties:
        type: {type: string, const: base, default: base, enum: [base]}
        chunk: {$ref: "#/components/schemas/Chunk"}
    Chunk:
      type: object
      properties:
        type: {type: string, enum: [segment]}
"""


def test_const_beside_enum_is_a_constant_field_and_an_enum_model(tmp_path: Path) -> None:
    docs = _docs(tmp_path, _CONST_ENUM)
    models = "typescript/docs/models/components/"
    assert _cells(docs[models + "card.md"])["type"][0] == '*"base"*'
    # the const's enum claims its name last: ``Type`` goes to Chunk's enum,
    # walked after Card's const field
    assert docs[models + "cardtype.md"].startswith("# CardType\n")
    assert '"segment"' in docs[models + "type.md"]


_UPLOAD = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /upload:
    post:
      operationId: upload
      requestBody:
        content:
          multipart/form-data:
            schema: {$ref: "#/components/schemas/UploadRequest"}
      responses:
        "200": {description: ok}
components:
  schemas:
    File: {type: string, format: binary}
    UploadRequest:
      type: object
      properties:
        file: {$ref: "#/components/schemas/File"}
      required: [file]
"""


def test_binary_component_reached_from_a_multipart_body_is_the_file_model(tmp_path: Path) -> None:
    """A component reached from inside a multipart body is walked as part of
    it: a ``format: binary`` component is the file model, named after it."""
    docs = _docs(tmp_path, _UPLOAD)
    models = "typescript/docs/models/components/"
    assert (
        "| `file` | [File](https://developer.mozilla.org/en-US/docs/Web/API/File) \\| "
        "[Blob](https://developer.mozilla.org/en-US/docs/Web/API/Blob) \\| "
        "[components.FileT](../../models/components/filet.md) |"
    ) in " ".join(docs[models + "uploadrequest.md"].split())
    assert list(_cells(docs[models + "filet.md"])) == ["fileName", "content"]


_RENAMED = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /embed:
    post:
      operationId: embed
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/EmbedRequest"}
      responses:
        "200": {description: ok}
components:
  schemas:
    EmbedRequest:
      type: object
      properties:
        input:
          anyOf: [{type: string}, {type: array, items: {type: string}}]
          x-speakeasy-name-override: inputs
"""


def test_inline_schema_of_a_renamed_property_is_named_after_the_new_name(tmp_path: Path) -> None:
    docs = _docs(tmp_path, _RENAMED)
    models = "typescript/docs/models/components/"
    assert models + "inputs.md" in docs and models + "input.md" not in docs
    assert _cells(docs[models + "embedrequest.md"])["inputs"][0] == "*components.Inputs*"


_RENAMED_COMPONENT = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /classify:
    post:
      operationId: classify
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                input: {$ref: "#/components/schemas/ClassifyRequestInputs"}
      responses:
        "200": {description: ok}
components:
  schemas:
    ClassifyRequestInputs:
      anyOf: [{type: string}, {type: array, items: {type: string}}]
      x-speakeasy-name-override: inputs
"""


def test_a_renamed_component_renames_its_model_and_the_fields_typed_by_it(tmp_path: Path) -> None:
    docs = _docs(tmp_path, _RENAMED_COMPONENT)
    models = "typescript/docs/models/components/"
    assert models + "inputs.md" in docs and models + "classifyrequestinputs.md" not in docs
    field = _cells(docs["typescript/docs/models/operations/classifyrequestbody.md"])["inputs"]
    assert field[0] == "*components.Inputs*"


_TITLED = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /chat:
    post:
      operationId: chat
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                entry: {$ref: "#/components/schemas/Entry"}
                system: {$ref: "#/components/schemas/SystemMessage"}
      responses:
        "200": {description: ok}
components:
  schemas:
    Entry:
      type: object
      properties:
        role: {type: string, enum: [assistant, user], title: Role}
    SystemMessage:
      type: object
      properties:
        role: {type: string, enum: [system]}
"""


def test_untitled_inline_schema_outranks_a_titled_one_for_a_name(tmp_path: Path) -> None:
    """Under the older naming, a property schema without a ``title`` keeps
    the short name against an earlier one whose title is that name."""
    docs = _docs(tmp_path, _TITLED)
    models = "typescript/docs/models/components/"
    assert _cells(docs[models + "systemmessage.md"])["role"][0] == "[components.Role](../../models/components/role.md)"
    assert _cells(docs[models + "entry.md"])["role"][0] == "[components.EntryRole](../../models/components/entryrole.md)"


_MEMBER_EXAMPLE = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /events:
    get:
      operationId: events
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Event"}
components:
  schemas:
    Delta:
      type: object
      properties:
        output_index: {type: number}
    Event:
      oneOf:
        - allOf:
            - $ref: "#/components/schemas/Delta"
            - type: object
              properties: {item_id: {type: string}}
          example: {output_index: 0}
        - type: string
"""


def test_a_member_example_prints_the_typescript_property_names(tmp_path: Path) -> None:
    doc = _docs(tmp_path, _MEMBER_EXAMPLE)["typescript/docs/models/components/event.md"]
    assert "outputIndex: 0" in doc and "output_index" not in doc
