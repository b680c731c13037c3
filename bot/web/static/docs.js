// The API documentation page: renders /openapi.json and lets each operation be tried. No CDN, no innerHTML.
"use strict";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function resolve(spec, schema) {
  if (schema && schema.$ref) {
    const name = schema.$ref.split("/").pop();
    return spec.components.schemas[name];
  }
  return schema || {};
}

function example(spec, schema, depth) {
  schema = resolve(spec, schema);
  if (depth > 4) return null;
  if (schema.examples && schema.examples.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.anyOf) return example(spec, schema.anyOf.find((s) => s.type !== "null") || schema.anyOf[0], depth + 1);
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case "object": {
      const out = {};
      for (const [key, value] of Object.entries(schema.properties || {})) {
        if ((schema.required || []).includes(key)) out[key] = example(spec, value, depth + 1);
      }
      return out;
    }
    case "array": return [];
    case "integer": case "number": return 1;
    case "boolean": return false;
    case "string": return schema.format === "binary" ? "(file)" : "";
    default: return null;
  }
}

function schemaText(spec, schema) {
  const seen = new Set();
  const expand = (s, depth) => {
    s = resolve(spec, s);
    if (depth > 3) return "…";
    if (s.anyOf) return s.anyOf.map((x) => expand(x, depth + 1)).join(" | ");
    if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
    if (s.type === "array") return `[${expand(s.items || {}, depth + 1)}]`;
    if (s.type === "object" || s.properties) {
      if (seen.has(s.title) && depth > 0) return s.title;
      seen.add(s.title);
      const required = s.required || [];
      const lines = Object.entries(s.properties || {}).map(
        ([k, v]) => `${"  ".repeat(depth + 1)}${k}${required.includes(k) ? "" : "?"}: ${expand(v, depth + 1)}`,
      );
      return `{\n${lines.join("\n")}\n${"  ".repeat(depth)}}`;
    }
    return s.type || "any";
  };
  return expand(schema, 0);
}

async function tryIt(path, method, op, inputs, bodyInput, fileInput, output) {
  let url = path;
  const query = new URLSearchParams();
  for (const [param, input] of inputs) {
    if (!input.value) continue;
    if (param.in === "path") url = url.replace(`{${param.name}}`, encodeURIComponent(input.value));
    else if (param.in === "query") query.set(param.name, input.value);
  }
  if ([...query].length) url += `?${query}`;
  const headers = {};
  const token = document.getElementById("token").value.trim();
  if (token) headers.Authorization = `Bearer ${token}`;
  const init = { method: method.toUpperCase(), headers };
  if (fileInput && fileInput.files.length) {
    const form = new FormData();
    form.append("file", fileInput.files[0]);
    init.body = form;
  } else if (bodyInput) {
    headers["Content-Type"] = "application/json";
    init.body = bodyInput.value;
  }
  output.textContent = "…";
  try {
    const response = await fetch(url, init);
    const text = await response.text();
    let shown = text;
    try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (_) { /* not JSON */ }
    output.textContent = `${response.status} ${response.statusText}\n\n${shown}`;
  } catch (error) {
    output.textContent = String(error);
  }
}

function operation(spec, path, method, op) {
  const body = el("div", { class: "body" });
  if (op.description) body.append(el("p", {}, op.description));
  const inputs = [];
  for (const param of op.parameters || []) {
    const input = el("input", { type: "text", placeholder: `${param.name} (${param.in})` });
    inputs.push([param, input]);
    body.append(el("label", {}, `${param.name}${param.required ? "" : "?"} · ${param.in}`), input);
  }
  let bodyInput = null;
  let fileInput = null;
  const content = op.requestBody && op.requestBody.content;
  if (content && content["application/json"]) {
    const schema = content["application/json"].schema;
    body.append(el("label", {}, "Request body"), el("pre", {}, schemaText(spec, schema)));
    bodyInput = el("textarea", { rows: "5" });
    bodyInput.value = JSON.stringify(example(spec, schema, 0), null, 2);
    body.append(bodyInput);
  } else if (content && content["multipart/form-data"]) {
    fileInput = el("input", { type: "file" });
    body.append(el("label", {}, "file"), fileInput);
  }
  const responses = Object.entries(op.responses || {}).map(([code, r]) => {
    const schema = r.content && r.content["application/json"] && r.content["application/json"].schema;
    return `${code} ${r.description || ""}${schema ? `\n${schemaText(spec, schema)}` : ""}`;
  });
  body.append(el("label", {}, "Responses"), el("pre", {}, responses.join("\n\n")));
  const output = el("pre", { class: "output" });
  const send = el("button", { type: "button" }, "Try it");
  send.addEventListener("click", () => tryIt(path, method, op, inputs, bodyInput, fileInput, output));
  body.append(send, output);
  const summary = el(
    "summary", {},
    el("span", { class: `method ${method}` }, method.toUpperCase()),
    el("span", { class: "path" }, path),
    el("span", { class: "muted" }, op.summary || ""),
  );
  return el("details", { class: "op" }, summary, body);
}

async function main() {
  const spec = await (await fetch("/openapi.json")).json();
  document.getElementById("title").textContent = `${spec.info.title} · API ${spec.info.version}`;
  document.getElementById("description").textContent = spec.info.description || "";
  const root = document.getElementById("operations");
  const tokenPanel = el(
    "section", { class: "panel" },
    el("label", { for: "token" }, "Staff token (for /api/staff/…)"),
    el("input", { type: "password", id: "token", autocomplete: "off" }),
  );
  root.append(tokenPanel);
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) root.append(operation(spec, path, method, op));
  }
}

document.addEventListener("DOMContentLoaded", main);
