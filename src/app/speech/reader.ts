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

/** What the choice needs of a voice (the Web Speech API's `SpeechSynthesisVoice`). */
export type VoiceInfo = Pick<SpeechSynthesisVoice, 'lang' | 'localService' | 'default'>;

const langOf = (voice: VoiceInfo) => voice.lang.toLowerCase().replace('_', '-');

/**
 * The voice to read Vietnamese with: a standard vi-VN voice first (exact language tag),
 * among those one that runs on the device (it works offline) or else the device's default;
 * only then any other Vietnamese voice ("vi", "vi-…"), again preferring one on the device.
 */
export function chooseVietnameseVoice<V extends VoiceInfo>(voices: readonly V[]): V | undefined {
  const rank = (voice: V) => {
    const lang = langOf(voice);
    const standard = lang === 'vi-vn';
    if (!standard && lang !== 'vi' && !lang.startsWith('vi-')) return -1;
    return (standard ? 4 : 0) + (voice.localService ? 2 : 0) + (voice.default ? 1 : 0);
  };
  let best: V | undefined;
  let bestRank = -1;
  for (const voice of voices) {
    const r = rank(voice);
    if (r > bestRank) [best, bestRank] = [voice, r];
  }
  return best;
}

/** The device's Vietnamese voice, if any. */
export function findVietnameseVoice(synth: SpeechSynthesis): SpeechSynthesisVoice | undefined {
  return chooseVietnameseVoice(synth.getVoices());
}
