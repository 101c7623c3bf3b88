"""Checks YAML plans against adsso's JSON Schema (assets/plan.schema.json), as an editor's YAML
language server would: PyYAML reads each file, jsonschema (Draft 2020-12) validates it.

Usage: .venv-moto/bin/python tests/peers/schema_check.py SCHEMA FILE...
       .venv-moto/bin/python tests/peers/schema_check.py --modeline FILE...
The second form uses, for each file, the schema its first line names
(`# yaml-language-server: $schema=PATH`), resolved against the file's directory as
yaml-language-server resolves it; a missing modeline or schema file is an error.
Prints one JSON object per file: {"file": ..., "valid": true|false, "errors": [...]}; exit 0.
"""
import json
import os
import sys

import jsonschema
import yaml


def check(validator, path):
    try:
        with open(path, encoding="utf-8") as handle:
            document = yaml.safe_load(handle)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        return {"file": path, "valid": False, "errors": [f"not YAML: {error}"]}
    errors = [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(document)
    ]
    return {"file": path, "valid": not errors, "errors": errors}


MODELINE = "# yaml-language-server: $schema="


def check_by_modeline(path):
    with open(path, encoding="utf-8") as handle:
        first = handle.readline().rstrip("\n")
    if not first.startswith(MODELINE):
        return {"file": path, "valid": False, "errors": ["no yaml-language-server modeline"]}
    target = first[len(MODELINE):]
    if "://" in target:
        return {"file": path, "valid": False, "errors": [f"the schema is a URL: {target}"]}
    schema_path = os.path.join(os.path.dirname(os.path.abspath(path)), target)
    try:
        with open(schema_path, encoding="utf-8") as handle:
            schema = json.load(handle)
    except OSError as error:
        return {"file": path, "valid": False, "errors": [f"the schema does not resolve: {error}"]}
    return check(jsonschema.Draft202012Validator(schema), path)


def main(argv):
    if argv[1] == "--modeline":
        for path in argv[2:]:
            print(json.dumps(check_by_modeline(path)))
        return
    with open(argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    validator = jsonschema.Draft202012Validator(schema)
    for path in argv[2:]:
        print(json.dumps(check(validator, path)))


if __name__ == "__main__":
    main(sys.argv)
