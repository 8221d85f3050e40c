import { ChoiceGroup } from '../../components/choice-group/index.tsx';
import { Screen } from '../../components/screen/index.tsx';

interface Props {
  nonResident: boolean | undefined;
  onChoose: (nonResident: boolean) => void;
  onBack: () => void;
  onNext: () => void;
}

export const RESIDENCY_QUESTION = 'Ông/Bà có thường xuyên cư trú trên địa bàn không?';

/** The survey targets residents; a non-resident's sheet is kept but flagged. */
export function ResidencyScreen({ nonResident, onChoose, onBack, onNext }: Props) {
  const value = nonResident === undefined ? undefined : nonResident ? 'khong' : 'co';
  return (
    <Screen
      title="Trước khi bắt đầu"
      screenKey="residency"
      actions={
        <>
          <button type="button" class="btn" onClick={onBack}>
            Quay lại
          </button>
          <button
            type="button"
            class="btn btn-primary"
            disabled={value === undefined}
            onClick={onNext}
          >
            Tiếp theo
          </button>
        </>
      }
    >
      <ChoiceGroup
        legend={RESIDENCY_QUESTION}
        legendId="residency-legend"
        name="residency"
        choices={[
          { id: 'co', label: 'Có' },
          { id: 'khong', label: 'Không' },
        ]}
        value={value}
        onChange={(id) => onChoose(id === 'khong')}
      />
    </Screen>
  );
}
