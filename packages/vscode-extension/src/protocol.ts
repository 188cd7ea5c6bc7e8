import { RequestType } from 'vscode-languageclient/node';
import type { ChecklistParams, ChecklistResult } from '@fzlint/server';

/**
 * The server's custom request, declared here with the server's types only: importing the value
 * from @fzlint/server would bundle the whole server into the client.
 */
export const ChecklistRequest = new RequestType<ChecklistParams, ChecklistResult, void>('fzlint/checklist');
