/** A sentence that needs attention now, announced by screen readers; nothing when empty. */
export function AlertText({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <p role="alert" class="admin-error">
      {text}
    </p>
  );
}
