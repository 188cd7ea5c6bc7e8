import * as vscode from 'vscode';

export const CONFIG_TEMPLATE = `# fzlint 配置：检查本文件夹（及子文件夹）中的法治政府建设年度报告
# 规则和选项说明：扩展说明中的「配置」一节；内置规则见 fzlint 的 docs/rules.md。
extends: fzlint:recommended        # 或 fzlint:strict（更严格，打开主题覆盖和标点检查）

# edition: auto                    # auto（按报告年度）| guangdong-2024 | national-2019

# rules:
#   gd2024/signature:              # 调整内置规则的选项
#     deadline: '04-01'            # 省委、省政府报告为次年 4 月 1 日前
#   data/reconsideration-litigation: off
#   my/no-colloquial:              # 新增规则
#     kind: pattern
#     severity: warning
#     words: [摩电]
#     replace: 电动自行车
#     message: 「{{match}}」是口语，正式文本请写「{{replacement}}」
`;

/**
 * 创建配置文件: writes .fzlint.yaml (extends fzlint:recommended) into the folder chosen in the
 * Explorer, or the workspace folder, and opens it. An existing file is opened, never overwritten.
 */
export async function createConfig(target?: vscode.Uri): Promise<void> {
  const folder = target ?? (await pickFolder());
  if (!folder) return;
  const file = vscode.Uri.joinPath(folder, '.fzlint.yaml');
  if (await exists(file)) {
    await vscode.window.showTextDocument(file);
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} 已存在，已打开。', vscode.workspace.asRelativePath(file)));
    return;
  }
  // Written to a temporary name and renamed: the server never sees a half-written config.
  const temp = vscode.Uri.joinPath(folder, `.fzlint.yaml.${process.pid}.tmp`);
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(CONFIG_TEMPLATE));
  await vscode.workspace.fs.rename(temp, file, { overwrite: false });
  await vscode.window.showTextDocument(file);
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('请先打开一个文件夹，再创建 fzlint 配置文件。'));
    return undefined;
  }
  if (folders.length === 1) return folders[0]!.uri;
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('在哪个文件夹中创建 .fzlint.yaml') });
  return picked?.uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
