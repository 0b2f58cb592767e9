// A calm confirmation in a modal <dialog>; resolves to true when the person confirms.
import { $ } from './dom.js';

export function confirmDialog(message, yesText, noText) {
  const dialog = $('#confirm-dialog');
  $('#confirm-message').textContent = message;
  $('#confirm-yes').textContent = yesText;
  $('#confirm-no').textContent = noText;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    $('#confirm-no').focus();
  });
}
