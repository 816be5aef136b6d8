/** Names the server and its editors share: commands it executes and its own request. Imports nothing, so the VS Code client can use it. */
export const COMMANDS = {
  fixAll: 'needfirst.fixAll',
  showChecklist: 'needfirst.showChecklist',
  openRuleDocs: 'needfirst.openRuleDocs',
  lintWorkspace: 'needfirst.lintWorkspace',
} as const;

/** A request for the value checklist as data, so an editor can show it its own way. */
export const CHECKLIST_REQUEST = 'needfirst/checklist';
