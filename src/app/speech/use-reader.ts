import { useEffect, useState } from 'preact/hooks';
import {
  findVietnameseVoice,
  type QuestionReader,
  silentReader,
  speechSynthesisReader,
} from './reader.ts';

/** The best reader this device offers; voices can arrive late, so it listens for them. */
export function useQuestionReader(): QuestionReader {
  const [reader, setReader] = useState<QuestionReader>(silentReader);
  useEffect(() => {
    const synth = globalThis.speechSynthesis;
    if (!synth) return;
    const pick = () => {
      const voice = findVietnameseVoice(synth);
      setReader(voice ? speechSynthesisReader(synth, voice) : silentReader);
    };
    pick();
    synth.addEventListener?.('voiceschanged', pick);
    return () => {
      synth.removeEventListener?.('voiceschanged', pick);
      synth.cancel();
    };
  }, []);
  return reader;
}
