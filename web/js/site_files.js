// The site's files. Served, they are fetched; in the offline single file (dist/kizuna.html,
// web/tools/offline_html.mjs) they are embedded in the page (#kizuna-files) and nothing is fetched.

function readEmbeddedFiles() {
  const element = document.getElementById('kizuna-files');
  if (!element) return null;
  const files = JSON.parse(element.textContent);
  element.remove();  // the parsed copy is enough: the DOM need not hold megabytes of text too
  return files;
}

// { text: { name: contents }, base64: { name: bytes } } in the offline file, null when served.
export const siteFiles = readEmbeddedFiles();

// A text file of the site (a Promise, like fetch).
export function siteText(url) {
  if (!siteFiles) {
    return fetch(url, { credentials: 'same-origin' }).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
      return response.text();
    });
  }
  const text = siteFiles.text[url];
  return text === undefined ? Promise.reject(new Error(`${url}: not in this file`)) : Promise.resolve(text);
}

// An embedded binary file's bytes (base64 in the page), decoded on first use.
export function siteBytes(name) {
  const base64 = siteFiles.base64[name];
  if (base64 === undefined) throw new Error(`${name}: not in this file`);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// A Blob URL of an embedded text file (scripts, the model card), made once.
const blobUrls = new Map();
export function siteBlobUrl(name, type) {
  if (!blobUrls.has(name)) blobUrls.set(name, URL.createObjectURL(new Blob([siteFiles.text[name]], { type })));
  return blobUrls.get(name);
}
