import type { webApi } from '@slack/bolt';

/** The longest alt text Slack keeps for an image (`alt_txt` of files.getUploadURLExternal). */
export const MAX_ALT_TEXT = 1000;

/** A file to share in a channel or thread. */
export interface FileUpload {
  bytes: Uint8Array;
  filename: string;
  title: string;
  /** A description of an image for screen readers. */
  altText?: string;
  channel: string;
  threadTs?: string;
  initialComment?: string;
}

/**
 * Shares a file the way Slack documents it (issue 14): `files.getUploadURLExternal` with the
 * file's name, length and alt text under the name that method documents, `alt_txt` (the SDK's
 * `files.uploadV2` sends `alt_text`, which that method does not read, so charts had none),
 * then the bytes to the upload URL, then `files.completeUploadExternal` with the title, the
 * channel, the thread and the comment. The alt text is cut to Slack's 1,000 characters.
 */
export async function uploadFile(client: webApi.WebClient, file: FileUpload): Promise<void> {
  const alt = file.altText ? file.altText.slice(0, MAX_ALT_TEXT) : undefined;
  const target = await client.files.getUploadURLExternal({
    filename: file.filename,
    length: file.bytes.length,
    ...(alt ? { alt_txt: alt } : {}),
  } as webApi.FilesGetUploadURLExternalArguments);
  if (!target.upload_url || !target.file_id) throw new Error('files.getUploadURLExternal gave no upload URL');
  // Multipart, as the SDK sends it (Slack's upload URL takes raw bytes or a form with `file`).
  const form = new FormData();
  form.append('file', new Blob([file.bytes]), file.filename);
  const sent = await fetch(target.upload_url, { method: 'POST', body: form });
  if (!sent.ok) throw new Error(`uploading ${file.filename} failed: HTTP ${sent.status}`);
  await client.files.completeUploadExternal({
    files: [{ id: target.file_id, title: file.title }],
    channel_id: file.channel,
    ...(file.threadTs ? { thread_ts: file.threadTs } : {}),
    ...(file.initialComment ? { initial_comment: file.initialComment } : {}),
  } as webApi.FilesCompleteUploadExternalArguments);
}
