import * as vscode from 'vscode';
import type * as Template from '../template/index.js';

const UNIT_KEY = 'fzlint.lastUnit';

/**
 * 插入报告模板: asks the report year and the unit, then inserts the six-part skeleton (the parts of
 * the edition for that year, from the configuration's section definitions) at the cursor of the
 * active Markdown / plain-text editor, or into a new document.
 */
export async function insertTemplate(context: vscode.ExtensionContext): Promise<void> {
  const year = await askYear();
  if (year === undefined) return;
  const unit = await askUnit(context);
  if (unit === undefined) return;
  await context.globalState.update(UNIT_KEY, unit);

  let editor = vscode.window.activeTextEditor;
  if (editor && !['markdown', 'plaintext'].includes(editor.document.languageId)) editor = undefined;
  const doc = editor?.document;
  const folder = doc ? vscode.workspace.getWorkspaceFolder(doc.uri) : vscode.workspace.workspaceFolders?.[0];
  const settings = vscode.workspace.getConfiguration('fzlint', doc?.uri ?? folder?.uri);
  const format = !editor || editor.document.languageId === 'markdown' ? 'markdown' : 'text';
  const template = await loadTemplateModule(context).buildReportTemplate({
    year,
    unit,
    format,
    docPath: doc?.uri.scheme === 'file' ? doc.uri.fsPath : undefined,
    folderPath: folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined,
    configFile: settings.get<string>('configFile')?.trim() || undefined,
    edition: settings.get<string>('edition')?.trim() || undefined,
  });
  if (template.problem) void vscode.window.showWarningMessage(template.problem);
  if (template.text === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('配置中没有定义报告的各个部分（sections 中带 order 的部分），无法生成模板。'));
    return;
  }

  if (!editor) {
    const created = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    editor = await vscode.window.showTextDocument(created);
  } else if (editor.document.isUntitled) {
    // VS Code guesses the language of an untitled document from its text (it takes the template
    // for "ini"), and then the report is no longer checked. A language set through the API counts
    // as chosen, but only a real change is recorded: switch away and back.
    const language = editor.document.languageId;
    const switched = await vscode.languages.setTextDocumentLanguage(editor.document, language === 'markdown' ? 'plaintext' : 'markdown');
    editor = await vscode.window.showTextDocument(await vscode.languages.setTextDocumentLanguage(switched, language));
  }
  const text = template.text;
  const target = editor;
  const empty = target.document.getText().trim() === '';
  await target.edit((b) => {
    if (empty) b.replace(new vscode.Range(0, 0, target.document.lineCount, 0), text);
    else b.insert(target.selection.active, text);
  });
  void vscode.window.setStatusBarMessage(template.editionName ? vscode.l10n.t('已插入「{0}」报告模板', template.editionName) : vscode.l10n.t('已插入报告模板'), 5000);
}

async function askYear(): Promise<number | undefined> {
  const answer = await vscode.window.showInputBox({
    title: vscode.l10n.t('插入报告模板（1/2）'),
    prompt: vscode.l10n.t('报告年度：报告写的是哪一年的法治政府建设情况'),
    value: String(new Date().getFullYear() - 1),
    validateInput: (v) => (/^\s*(19|20|21)\d\d\s*$/.test(v) ? undefined : vscode.l10n.t('请输入四位数的年份，如 2024')),
  });
  return answer === undefined ? undefined : Number(answer.trim());
}

async function askUnit(context: vscode.ExtensionContext): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title: vscode.l10n.t('插入报告模板（2/2）'),
    prompt: vscode.l10n.t('报告单位的全称（用于标题和落款）'),
    placeHolder: vscode.l10n.t('例如：广州市越秀区政务服务和数据管理局'),
    value: context.globalState.get<string>(UNIT_KEY) ?? '',
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('请输入单位名称')),
  });
  return answer === undefined ? undefined : answer.trim();
}

/** dist/template.js, loaded on first use (see template/index.ts). */
function loadTemplateModule(context: vscode.ExtensionContext): typeof Template {
  return require(context.asAbsolutePath('dist/template.js')) as typeof Template;
}
