import { useRef, useState } from 'preact/hooks';
import { FrameCollector } from '../../../core/codec/frames.ts';
import { formatCount } from '../../../core/format.ts';
import { deliverBatch } from '../../../transport/collector-client.ts';

/**
 * Frames typed or pasted (a USB 2D scanner types them, one a line), in any order;
 * shows which are still missing, and delivers the batch once every frame is in.
 */
export function FrameReader({ onDelivered }: { onDelivered: () => void }) {
  const collector = useRef(new FrameCollector());
  const [text, setText] = useState('');
  const [state, setState] = useState({ total: 0, missing: [] as number[] });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(
    undefined,
  );

  const read = async (e: Event) => {
    e.preventDefault();
    setMessage(undefined);
    try {
      for (const line of text.split(/\r?\n/).filter((l) => l.trim())) collector.current.add(line);
      setText('');
      setState({ total: collector.current.total, missing: collector.current.missing() });
      if (!collector.current.complete) return;
      const result = await deliverBatch(collector.current.sealed());
      collector.current = new FrameCollector();
      setState({ total: 0, missing: [] });
      setMessage({
        kind: 'ok',
        text: `Đã nhận ${formatCount(result.received.length)} phiếu mới (${formatCount(result.duplicates.length)} phiếu đã có từ trước).`,
      });
      onDelivered();
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form onSubmit={read}>
      <h2>Nhập khung mã QR</h2>
      <label>
        <span>Nội dung khung (mỗi khung một dòng, theo thứ tự bất kỳ)</span>
        <textarea rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <button type="submit" class="btn btn-primary">
        Đọc khung
      </button>
      {state.total > 0 && (
        <p role="status">
          Đã đọc {formatCount(state.total - state.missing.length)}/{formatCount(state.total)} khung.
          Còn thiếu khung: {state.missing.join(', ')}.
        </p>
      )}
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          class={message.kind === 'error' ? 'admin-error' : 'admin-ok'}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
