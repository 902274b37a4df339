"""Runs the `run:` steps of a workflow or composite action locally, the way the Actions runner would.

Only what a test can provide is provided: `${{ }}` expressions are evaluated from given contexts
(github, inputs, secrets, vars, steps), `if:` conditions with ==, !=, && and ||, each step's env, and
GITHUB_OUTPUT/GITHUB_STEP_SUMMARY/RUNNER_TEMP files. `uses: actions/checkout` and
`actions/setup-python` are what the test did already (a workspace, a Python on PATH); `uses: ./` and
the `uses:` values listed in `actions` run that local composite action (profilebot's action.yml, which
the released ref holds) with the step's `with:` inputs; any other `uses:` fails the test, so a workflow
cannot quietly depend on something the tests do not exercise.
An unknown context or expression form raises instead of evaluating to something plausible.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from profilebot.report.actions import parse_outputs

PROVIDED_ACTIONS = ("actions/checkout@", "actions/setup-python@")
_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
_LITERAL = re.compile(r"'((?:[^']|'')*)'")


@dataclass
class StepResult:
    name: str
    returncode: int
    output: str
    outputs: dict[str, str]


@dataclass
class Runner:
    workspace: Path
    temp: Path
    contexts: dict[str, Any]
    base_env: dict[str, str]
    results: list[StepResult] = field(default_factory=list)
    actions: dict[str, Path] = field(default_factory=dict)  # `uses:` value → folder holding its action.yml

    # --- expressions ----------------------------------------------------------------------------

    def evaluate(self, expression: str) -> Any:
        expression = expression.strip()
        for operator in ("||", "&&"):
            parts = _split(expression, operator)
            if len(parts) > 1:
                values = [self.evaluate(part) for part in parts]
                if operator == "||":
                    return next((value for value in values if value), values[-1])
                return next((value for value in values if not value), values[-1])
        for operator in ("==", "!="):
            parts = _split(expression, operator)
            if len(parts) == 2:
                left, right = (self.evaluate(part) for part in parts)
                equal = str(left).lower() == str(right).lower()  # Actions compares strings ignoring case
                return equal if operator == "==" else not equal
        if literal := _LITERAL.fullmatch(expression):
            return literal.group(1).replace("''", "'")
        if expression in ("true", "false"):
            return expression == "true"
        if re.fullmatch(r"[A-Za-z_][\w-]*(\.[\w-]+)*", expression):
            head, *rest = expression.split(".")
            if head not in self.contexts:
                raise KeyError(f"the test provides no '{head}' context (in ${{{{ {expression} }}}})")
            value: Any = self.contexts[head]
            for key in rest:
                value = value.get(key, "") if isinstance(value, dict) else ""
            return value
        raise ValueError(f"expression form not supported by the local runner: {expression}")

    def substitute(self, text: Any) -> str:
        return _EXPRESSION.sub(lambda match: _as_text(self.evaluate(match.group(1))), str(text))

    def condition(self, text: str | None) -> bool:
        if text is None:
            return True
        inner = _EXPRESSION.fullmatch(text.strip())
        return bool(self.evaluate(inner.group(1) if inner else text))

    # --- steps ----------------------------------------------------------------------------------

    def run_steps(self, steps: list[dict], env: dict[str, str], action_path: Path | None = None) -> bool:
        """Every step in order, stopping at the first failure as the runner does; True when all passed."""
        for index, step in enumerate(steps):
            local = self._local_action(step.get("uses"))
            if local is not None:
                if self.condition(step.get("if")) and not self.run_uses(step, local, index):
                    return False
                continue
            if "uses" in step:
                if not step["uses"].startswith(PROVIDED_ACTIONS):
                    raise AssertionError(f"step uses {step['uses']}, which the local runner cannot provide")
                continue
            if not self.condition(step.get("if")):
                continue
            result = self.run_script(step, env, index, action_path)
            if result.returncode != 0:
                return False
        return True

    def _local_action(self, uses: str | None) -> Path | None:
        if uses is None:
            return None
        if uses == "./" or uses == ".":
            return self.workspace
        return self.actions.get(uses)

    def run_uses(self, step: dict, folder: Path, index: int) -> bool:
        """A `uses:` step of a local composite action: one result named after the step, with its outputs."""
        inputs = {key: self.substitute(value) for key, value in (step.get("with") or {}).items()}
        start = len(self.results)
        passed, outputs = self.run_action(folder / "action.yml", inputs)
        inner = self.results[start:]
        returncode = 0 if passed else (inner[-1].returncode if inner else 1)
        result = StepResult(step.get("name") or step.get("id") or f"step {index}", returncode,
                            "".join(r.output for r in inner), outputs)
        self.results.append(result)
        if step.get("id"):
            self.contexts.setdefault("steps", {})[step["id"]] = {"outputs": outputs}
        return passed

    def run_script(self, step: dict, env: dict[str, str], index: int, action_path: Path | None) -> StepResult:
        output_file = self.temp / f"output-{len(self.results)}"
        output_file.write_text("")
        environment = dict(self.base_env) | {key: self.substitute(value) for key, value in env.items()}
        environment |= {key: self.substitute(value) for key, value in (step.get("env") or {}).items()}
        environment |= {"GITHUB_OUTPUT": str(output_file), "RUNNER_TEMP": str(self.temp),
                        "GITHUB_STEP_SUMMARY": str(self.temp / "summary.md"), "GITHUB_WORKSPACE": str(self.workspace)}
        if action_path is not None:
            environment["GITHUB_ACTION_PATH"] = str(action_path)
        script = self.substitute(step["run"])
        completed = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                                   cwd=self.workspace, env=environment, capture_output=True, text=True, timeout=600)
        outputs = parse_outputs(output_file.read_text())
        result = StepResult(step.get("name") or step.get("id") or f"step {index}", completed.returncode,
                            completed.stdout + completed.stderr, outputs)
        self.results.append(result)
        if step.get("id"):
            self.contexts.setdefault("steps", {})[step["id"]] = {"outputs": outputs}
        return result

    def run_workflow(self, path: Path, job: str | None = None) -> bool | None:
        """The workflow's jobs in order; None when the job's `if:` skipped it."""
        workflow = yaml.safe_load(path.read_text("utf-8"))
        workflow_env = workflow.get("env") or {}
        for name, definition in workflow["jobs"].items():
            if job and name != job:
                continue
            if not self.condition(definition.get("if")):
                return None
            if not self.run_steps(definition["steps"], workflow_env | (definition.get("env") or {})):
                return False
        return True

    def run_action(self, path: Path, inputs: dict[str, str]) -> tuple[bool, dict[str, str]]:
        """A composite action: its steps with `inputs` over the defaults; returns (passed, its outputs)."""
        action = yaml.safe_load(path.read_text("utf-8"))
        outer, outer_inputs = self.contexts.get("steps"), self.contexts.get("inputs")
        self.contexts["steps"] = {}
        self.contexts["inputs"] = {name: self.substitute(spec.get("default", "")) for name, spec in
                                   action["inputs"].items()} | inputs
        passed = self.run_steps(action["runs"]["steps"], {}, action_path=path.parent)
        outputs = {name: self.substitute(spec["value"]) for name, spec in action["outputs"].items()}
        self.contexts["steps"] = outer or {}
        if outer_inputs is None:
            self.contexts.pop("inputs", None)
        else:
            self.contexts["inputs"] = outer_inputs
        return passed, outputs

    def step(self, name: str) -> StepResult:
        return next(result for result in self.results if result.name == name)


def _split(expression: str, operator: str) -> list[str]:
    """Split on an operator outside quotes."""
    parts, depth_quote, current, index = [], False, "", 0
    while index < len(expression):
        if expression[index] == "'":
            depth_quote = not depth_quote
        if not depth_quote and expression.startswith(operator, index):
            parts.append(current)
            current, index = "", index + len(operator)
            continue
        current += expression[index]
        index += 1
    parts.append(current)
    return [part.strip() for part in parts]


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)
