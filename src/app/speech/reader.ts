/**
 * Reading a question aloud, behind one interface so the kiosk does not branch on
 * whether the device can speak: it gets a speaking reader or a silent one.
 */
export interface QuestionReader {
  /** Whether there is a voice to read with; the read-aloud button hides itself when false. */
  readonly available: boolean;
  speak(text: string): void;
  stop(): void;
}

/** A reader for devices with no Vietnamese voice: nothing to offer, nothing to do. */
export const silentReader: QuestionReader = {
  available: false,
  speak() {},
  stop() {},
};

/** A reader over the Web Speech API with a Vietnamese voice. */
export function speechSynthesisReader(
  synth: SpeechSynthesis,
  voice: SpeechSynthesisVoice,
): QuestionReader {
  return {
    available: true,
    speak(text) {
      synth.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = 0.9; // a little slower than default, for elderly listeners
      synth.speak(utterance);
    },
    stop() {
      synth.cancel();
    },
  };
}

/** The device's Vietnamese voice, if any. */
export function findVietnameseVoice(synth: SpeechSynthesis): SpeechSynthesisVoice | undefined {
  return synth.getVoices().find((v) => v.lang.toLowerCase().replace('_', '-').startsWith('vi'));
}
