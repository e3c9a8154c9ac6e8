/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 *
 * Atlas CNCD : ce fichier remplace le scripts/config.js du webjar Camunda 7.24
 * pour l'application Tasklist (même structure que le fichier d'origine).
 */

export default {
  // Nom et éditeur affichés dans l'en-tête et le titre de la page
  // (l'en-tête affiche « <vendor> <name> »).
  app: {
    name: 'Tasklist',
    vendor: 'Atlas CNCD'
  },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // Langues proposées : la langue du navigateur choisit parmi « en » et « fr »
  // (locales/fr.json servi par l'application) ; une clé absente de fr.json
  // retombe sur l'anglais (fallbackLocale).
  locales: {
    availableLocales: ['en', 'fr'],
    fallbackLocale: 'en'
  },
  // Scripts personnalisés, chemins relatifs au dossier « tasklist » sans
  // l'extension .js (chargés comme modules ES).
  customScripts: [
    // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
    // with a file called 'customScript.js' in it
    // 'my-custom-script/customScript'
    // Camunda Forms (form-js only speaks English) in French: messages, tables, dates.
    'atlas/camunda-forms-fr',
    // The identity shared by the four webapps: login page, accessibility, French dates in Paris time.
    'atlas/webapps',
    // « Mettre à jour l'Atlas de ma collectivité » in the header, for those who may start AtlasUpdate,
    // and what to do next where the task list is empty.
    'atlas/start-atlas-update',
    // « Tâche terminée » after « Terminer »; no generic toast over a refusal shown on its field.
    'atlas/task-feedback'
  ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  // Les descriptions sont affichées telles quelles (non traduites par
  // locales/*.json) dans la fenêtre « Raccourcis clavier ».
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'Prendre en charge la tâche sélectionnée'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'Placer le focus sur le premier filtre de la liste'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'Placer le focus sur la première tâche de la liste'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'Placer le focus sur le premier champ du formulaire de la tâche'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'Ouvrir la fenêtre « Démarrer un processus »'
    }
  }
};
