// A yes/no question before an action that changes what every box sees (Kobalte's alert dialog).
import { AlertDialog } from '@kobalte/core/alert-dialog';
import { t } from '../../shared/i18n/i18n.ts';

export default function ConfirmDialog(props: {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm(): void;
  onClose(): void;
}) {
  return (
    <AlertDialog open onOpenChange={(isOpen) => !isOpen && props.onClose()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay class="dialog-overlay" />
        <AlertDialog.Content class="dialog">
          <AlertDialog.Title class="dialog-title">{props.title}</AlertDialog.Title>
          <AlertDialog.Description>{props.body}</AlertDialog.Description>
          <div class="form-actions">
            <button type="button" class="primary" onClick={() => props.onConfirm()}>
              {props.confirmLabel}
            </button>
            <AlertDialog.CloseButton>{t('console.cancel')}</AlertDialog.CloseButton>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog>
  );
}
