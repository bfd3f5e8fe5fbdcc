import type { ContentPartTemplate } from "../config/schema.js";
import { isMap } from "./json-file.js";

/**
 * A promptfoo chat message's content given as a list of parts, in the chat-completions form
 * agentops sends. promptfoo passes a chat file's parts to the provider as written, so a config
 * holds them in its provider's own form: OpenAI's chat (`text`, `image_url`, `input_audio`), the
 * Responses API (`input_text`, `input_image`), Anthropic (`image` with a base64 or URL `source`),
 * Bedrock's Converse (`{text}`, `{image: {format, source: {bytes}}}`) or Adaline Gateway
 * (`{modality, value}`). The same text, picture or sound reaches the model; where the form changes,
 * `differences` says how. A part of any other kind (video, documents, files) is a reason.
 */
export type ConvertedParts = { parts: ContentPartTemplate[]; differences: string[] } | { reason: string };

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const DETAIL = new Set(["auto", "low", "high"]);

/** Bedrock and Adaline name formats (`jpeg`, `png`, Bedrock's `jpg` too); a data URL needs the media type. */
function imageMediaType(format: string): string {
  if (format.includes("/")) return format;
  if (format.includes("{{")) return `image/${format}`;
  const f = format.toLowerCase();
  return `image/${f === "jpg" ? "jpeg" : f}`;
}

type One = { part: ContentPartTemplate; difference?: string } | { reason: string };

function imageUrl(url: string, detail: unknown, difference?: string): One {
  return {
    part: {
      type: "image_url",
      image_url: {
        url,
        ...(typeof detail === "string" && DETAIL.has(detail) ? { detail: detail as "auto" } : {}),
      },
    },
    ...(difference ? { difference } : {}),
  };
}

function onePart(p: unknown): One {
  if (typeof p === "string" && p !== "") return { part: { type: "text", text: p } };
  if (!isMap(p)) return { reason: "a content part that is neither text nor an object" };
  const type = p.type;
  // OpenAI chat, and the Responses API's input_text
  if ((type === "text" || type === "input_text") && str(p.text))
    return { part: { type: "text", text: p.text as string } };
  if (type === "image_url") {
    const iu = p.image_url;
    const url = typeof iu === "string" ? str(iu) : isMap(iu) ? str(iu.url) : undefined;
    if (url) return imageUrl(url, isMap(iu) ? iu.detail : undefined);
  }
  if (type === "input_image") {
    const url = str(p.image_url);
    if (url) return imageUrl(url, p.detail);
  }
  if (type === "input_audio" && isMap(p.input_audio)) {
    const data = str(p.input_audio.data);
    const format = p.input_audio.format;
    if (data && (format === "wav" || format === "mp3"))
      return { part: { type: "input_audio", input_audio: { data, format } } };
    return { reason: "an audio part in a format other than wav or mp3" };
  }
  // Anthropic
  if (type === "image" && isMap(p.source)) {
    const s = p.source;
    if (s.type === "base64" && str(s.media_type) && str(s.data))
      return imageUrl(
        `data:${s.media_type as string};base64,${s.data as string}`,
        undefined,
        "an image part in Anthropic's form (base64 source) is sent as an OpenAI data URL of the same bytes",
      );
    if (s.type === "url" && str(s.url))
      return imageUrl(
        s.url as string,
        undefined,
        "an image part in Anthropic's form (URL source) is sent as an OpenAI image_url",
      );
  }
  // Bedrock Converse
  if (type === undefined && Object.keys(p).length === 1) {
    if (str(p.text)) return { part: { type: "text", text: p.text as string } };
    const img = p.image;
    if (isMap(img) && str(img.format) && isMap(img.source) && str(img.source.bytes))
      return imageUrl(
        `data:${imageMediaType(img.format as string)};base64,${img.source.bytes as string}`,
        undefined,
        "an image part in Bedrock's form (format and bytes) is sent as an OpenAI data URL of the same bytes",
      );
  }
  // Adaline Gateway
  if (type === undefined && typeof p.modality === "string") {
    if (p.modality === "text" && str(p.value)) return { part: { type: "text", text: p.value as string } };
    const v = p.value;
    if (p.modality === "image" && isMap(v)) {
      if (v.type === "url" && str(v.url))
        return imageUrl(
          v.url as string,
          p.detail,
          "an image part in Adaline's form is sent as an OpenAI image_url",
        );
      if (v.type === "base64" && str(v.base64) && str(v.media_type))
        return imageUrl(
          `data:${imageMediaType(v.media_type as string)};base64,${v.base64 as string}`,
          p.detail,
          "an image part in Adaline's form (base64) is sent as an OpenAI data URL of the same bytes",
        );
    }
    return { reason: `a ${p.modality} part in Adaline's form; agentops sends text, images and audio` };
  }
  const kind = typeof type === "string" ? type : Object.keys(p).join("/");
  return {
    reason: `a ${kind} content part; agentops sends text, images (image_url) and audio (input_audio)`,
  };
}

export function convertParts(content: readonly unknown[]): ConvertedParts {
  if (content.length === 0) return { reason: "an empty list of content parts" };
  const parts: ContentPartTemplate[] = [];
  const differences = new Set<string>();
  for (const p of content) {
    const one = onePart(p);
    if ("reason" in one) return one;
    parts.push(one.part);
    if (one.difference) differences.add(one.difference);
  }
  return { parts, differences: [...differences] };
}
