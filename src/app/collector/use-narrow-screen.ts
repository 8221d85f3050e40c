import { useEffect, useState } from 'preact/hooks';

const NARROW = '(max-width: 40rem)';

/** Whether the screen is a phone's width: the office on site reads QR frames first. */
export function useNarrowScreen(): boolean {
  const query = () => (typeof matchMedia === 'function' ? matchMedia(NARROW) : undefined);
  const [narrow, setNarrow] = useState(() => query()?.matches ?? false);
  useEffect(() => {
    const list = query();
    if (!list) return;
    const change = () => setNarrow(list.matches);
    list.addEventListener('change', change);
    return () => list.removeEventListener('change', change);
  }, []);
  return narrow;
}
